using System.Runtime.InteropServices;

namespace CommunityWorkforce.BuildingBlocks.Data;

/// <summary>
/// Lowers the calling thread's scheduling priority, for background work that must yield to requests (the kept-fresh
/// recomputations: a city's dashboard takes a second of one core; at normal priority on a two-core server it showed in
/// the p95 of the write requests it ran beside). .NET's <see cref="Thread.Priority"/> does nothing on Linux, so there the
/// thread's nice value is raised to 10 (<c>setpriority</c> on the thread id; lowering one's own priority needs no
/// privilege). Best effort: where neither works the thread runs at normal priority.
/// </summary>
internal static class BackgroundPriority
{
    private const int PrioProcess = 0;
    private const int Nice = 10;

    public static void Lower()
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                _ = setpriority(PrioProcess, gettid(), Nice);
            }
            else
            {
                Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
            }
        }
        catch (Exception error) when (error is EntryPointNotFoundException or DllNotFoundException or PlatformNotSupportedException)
        {
        }
    }

    /// <summary>The thread's nice value (tests); null where it cannot be read.</summary>
    public static int? CurrentNice()
    {
        try
        {
            return OperatingSystem.IsLinux() ? getpriority(PrioProcess, gettid()) : null;
        }
        catch (Exception error) when (error is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    // Plain int arguments and results: nothing to marshal.
#pragma warning disable SYSLIB1054
    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc", SetLastError = true)]
    private static extern int getpriority(int which, int who);

    [DllImport("libc")]
    private static extern int gettid();
#pragma warning restore SYSLIB1054
}
