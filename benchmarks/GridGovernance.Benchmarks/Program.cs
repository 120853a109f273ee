using BenchmarkDotNet.Running;

namespace GridGovernance.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["interleave-workorders", ..])
        {
            // Plain and authorised transition loops in alternating rounds, for a loaded machine (see docs/benchmarks.md).
            WorkOrders.WorkOrderLoopBenchmarks.Interleaved(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 21, Console.Out);
            return;
        }
        if (args is ["spin-workorders", var loop, var calls])
        {
            // One loop for a fixed number of calls, for hardware counters (perf stat -e cycles:u,instructions:u), which
            // count only this process's own cycles and so stay meaningful on a loaded machine (see docs/benchmarks.md).
            WorkOrders.WorkOrderLoopBenchmarks.Spin(loop, int.Parse(calls, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        if (args is ["profile-import", ..])
        {
            // A stopwatch split of a roster import (see docs/benchmarks.md, "Storage: importing a roster").
            Storage.ImportProfile.Run(args.Length > 1 ? args[1] : "import", args.Skip(2), Console.Out);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
