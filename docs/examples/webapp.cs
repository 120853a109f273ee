#:sdk Microsoft.NET.Sdk
#:project webapp/GridGovernance.WebSample.csproj
#:property PublishAot=false

// The sample web app: a generated community on SQLite behind a JSON API (roster import, points declare → approve →
// publish, work orders), the package's read-only public endpoints, health checks, the work-order scheduler, and two
// pages in Chinese with masked names: the public board (公开晒单) and a ranking (排名晾晒).
//
//   dotnet run docs/examples/webapp.cs -- --seed true --db artifacts/web.db --urls http://127.0.0.1:5080
//   then open http://127.0.0.1:5080/board and http://127.0.0.1:5080/rankings/laiwu-2024/2024-Q1
//
// The plain SDK: ASP.NET Core comes with the referenced project's framework reference (the Web SDK would also copy
// every JSON file below this folder, the sample project's obj/ included, next to the app).
// The wiring is in webapp/SampleApp.cs (a project this file references), so that tests/GridGovernance.AspNetCore.Tests
// runs the very same app under WebApplicationFactory and in a real browser.

var app = await GridGovernance.WebSample.SampleApp.BuildAsync(args);
await app.RunAsync();
