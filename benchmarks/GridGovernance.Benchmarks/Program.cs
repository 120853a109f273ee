using BenchmarkDotNet.Running;

namespace GridGovernance.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["interleave-workorders", ..])
        {
            // Plain and authorised transition loops in alternating rounds, for a loaded machine (see docs/benchmarks.md).
            var c = System.Globalization.CultureInfo.InvariantCulture;
            WorkOrders.WorkOrderLoopBenchmarks.Interleaved(args.Length > 1 ? int.Parse(args[1], c) : 21, Console.Out, args.Length > 2 ? int.Parse(args[2], c) : 200);
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
        if (args is ["row-sizes", ..])
        {
            // Bytes a row of each table on PostgreSQL, for docs/scaling.md (see RowSizes).
            Storage.RowSizes.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000, Console.Out);
            return;
        }
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        // BenchmarkDotNet reports a benchmark whose set-up or body threw as "NA" and still exits with 0; a smoke run
        // that should catch a broken benchmark must fail instead. A case that was not run (a class's own job beside
        // the command line's --job) has no execution and is not a failure.
        var failed = summaries
            .SelectMany(s => s.Reports
                .Where(r => !r.Success && (!r.BuildResult.IsBuildSuccess || r.ExecuteResults.Any(e => !e.IsSuccess)))
                .Select(r => r.BenchmarkCase.DisplayInfo)
                .Concat(s.HasCriticalValidationErrors ? [s.Title + ": critical validation errors"] : []))
            .ToList();
        if (failed.Count > 0)
        {
            Console.Error.WriteLine($"{failed.Count} benchmark(s) failed:");
            failed.ForEach(f => Console.Error.WriteLine("  " + f));
            Environment.ExitCode = 1;
        }
    }
}
