// Deployment.TestAsync must run serially, and the tests pass the stack configuration through the
// process-wide PULUMI_CONFIG environment variable: no test of this assembly runs in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
