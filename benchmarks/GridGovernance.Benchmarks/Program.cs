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
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
