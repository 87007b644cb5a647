using KycE2E.Contract;

// ./e2e contract [--env NAME]: started by the runner (which checks the option) as: KycE2E.Contract --env NAME.
if (args is not ["--env", var profile])
{
    Console.Error.WriteLine("e2e: contract: use --env NAME (a profile of runsettings/)");
    return 2;
}

return await ContractRun.ExecuteAsync(profile, Console.Out, Console.Error);
