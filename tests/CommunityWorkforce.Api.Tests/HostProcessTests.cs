using System.Net;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Api.Tests;

/// <summary>The published host run as a process, the way <c>build/run.sh</c> and an operator start it.</summary>
[TestFixture]
public sealed class HostProcessTests
{
    [Test]
    public async Task Started_from_another_folder_the_host_reads_its_own_appsettings()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "cw-host-process", Guid.NewGuid().ToString("N"));
        var elsewhere = Path.Combine(dataFolder, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        try
        {
            using var host = await HostProcess.StartAsync(dataFolder, workingDirectory: elsewhere);
            using var client = host.CreateClient();
            for (var i = 0; i < 5; i++)
            {
                Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
            await Task.Delay(500);

            // appsettings.json sets Microsoft.AspNetCore to Warning: without it every request logs "Request starting", and
            // start-up logs Microsoft.AspNetCore information lines (data protection).
            Assert.That(host.Output.Where(l => l.Contains("Request starting", StringComparison.Ordinal)
                    || l.StartsWith("info: Microsoft.AspNetCore", StringComparison.Ordinal)), Is.Empty,
                string.Join('\n', host.Output.Take(40)));
            Assert.That(host.Output, Is.Not.Empty, "the host logs its start-up");
        }
        finally
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }
}
