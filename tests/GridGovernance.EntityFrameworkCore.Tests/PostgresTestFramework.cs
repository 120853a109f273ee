using System.ComponentModel;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("GridGovernance.EntityFrameworkCore.Tests.PostgresTestFramework", "GridGovernance.EntityFrameworkCore.Tests")]

namespace GridGovernance.EntityFrameworkCore.Tests;

/// <summary>
/// Marks a test class whose tests need the PostgreSQL server named by <c>GG_POSTGRES</c>, inherited tests included
/// (the conformance suite's facts are declared in GridGovernance.Testing). The class is always compiled; where no
/// server is configured, <see cref="PostgresTestFramework"/> reports each of its tests as skipped with
/// <see cref="Postgres.SkipReason"/>, except in CI (<c>CI=true</c>), where the tests run and a missing server fails.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;

/// <summary>When the PostgreSQL suites run.</summary>
public static class Postgres
{
    /// <summary>True in CI (<c>CI=true</c>, as GitHub Actions and most CI systems set it): there a missing server is a failure, never a skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the PostgreSQL tests are skipped, or null when they run (a server is configured, or this is CI).</summary>
    public static string? SkipReason => TestDatabase.PostgresServer is null && !InCi
        ? "No PostgreSQL server: set GG_POSTGRES to an Npgsql connection string of a user that may create databases "
          + "(GG_POSTGRES=\"$(bash .ci/postgres.sh)\" starts one and prints it) to run the PostgreSQL suites."
        : null;
}

/// <summary>
/// xunit's own framework, but every test of a <see cref="RequiresPostgresAttribute"/> class is reported as skipped
/// (with <see cref="Postgres.SkipReason"/>) where no PostgreSQL server is configured.
/// </summary>
public sealed class PostgresTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider source, IMessageSink diagnostics)
        : XunitTestFrameworkDiscoverer(assembly, source, diagnostics)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            bool needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
            if (!needsPostgres || Postgres.SkipReason is null || !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }
            var skipped = new PostgresSkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }

    // xunit's executor runs "all tests" through a discoverer of its own: this one uses the discoverer above.
    private sealed class Executor(AssemblyName assembly, ISourceInformationProvider source, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assembly, source, diagnostics)
    {
        protected override ITestFrameworkDiscoverer CreateDiscoverer() => new Discoverer(AssemblyInfo, SourceInformationProvider, DiagnosticMessageSink);
    }
}

/// <summary>A test of a <see cref="RequiresPostgresAttribute"/> class, reported as skipped with <see cref="Postgres.SkipReason"/>.</summary>
public sealed class PostgresSkippedTestCase : XunitTestCase
{
    /// <summary>For the deserializer.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public PostgresSkippedTestCase()
    {
    }

    /// <summary>The skipped test case of one test method.</summary>
    public PostgresSkippedTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod)
        : base(diagnostics, display, displayOptions, testMethod)
    {
    }

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        Postgres.SkipReason ?? "A PostgreSQL server is configured now but was not when the tests were discovered: run them again.";
}
