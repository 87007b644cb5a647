// Features run side by side (SpecFlow 3.9 parallelises by feature); the worker count comes from the
// runsettings' NUnit.NumberOfTestWorkers, set by ./e2e --workers.
[assembly: NUnit.Framework.Parallelizable(NUnit.Framework.ParallelScope.Fixtures)]
