// One whole suite at a time on this machine: the fault tests start a suite of their own, after (or before) the
// main one is stopped, never beside it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
