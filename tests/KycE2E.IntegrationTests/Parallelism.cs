// Fixtures run side by side: each starts its own sandbox, browsers or Appium server, on ports of its own. What changes
// process-wide state (environment variables that every process started meanwhile inherits) is [NonParallelizable], and
// NUnit runs that alone.
[assembly: Parallelizable(ParallelScope.Fixtures)]
