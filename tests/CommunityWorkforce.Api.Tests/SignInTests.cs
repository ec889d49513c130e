using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Api.Tests;

[TestFixture]
public sealed class SignInTests
{
    private CwHost _host = null!;

    [OneTimeSetUp]
    public void StartHost() => _host = new CwHost();

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    [Test]
    public async Task Demo_hr_signs_in_and_me_shows_role_and_street_scope()
    {
        using var client = await _host.ClientFor("hr.linfen");

        var me = await (await client.GetAsync("/api/me")).ReadJson();

        Assert.That(me.GetProperty("role").GetString(), Is.EqualTo("hr"));
        Assert.That(me.GetProperty("orgUnitName").GetString(), Is.EqualTo("临汾路街道"));
        Assert.That(me.GetProperty("scopePath").GetString(), Is.EqualTo("/310000/310106/310106021/"));
    }

    [Test]
    public async Task Wrong_password_is_401_invalid_credentials_and_unknown_user_looks_the_same()
    {
        using var client = _host.CreateClient();

        var wrong = await client.PostAsJsonAsync("/api/auth/token", new { userName = "leader.linfen", password = "nope-1234567" });
        var unknown = await client.PostAsJsonAsync("/api/auth/token", new { userName = "nobody.here", password = "nope-1234567" });

        await ProblemAssert.IsProblem(wrong, HttpStatusCode.Unauthorized, "urn:cw:problem:invalid-credentials");
        await ProblemAssert.IsProblem(unknown, HttpStatusCode.Unauthorized, "urn:cw:problem:invalid-credentials");
    }

    [Test]
    public async Task Five_failed_sign_ins_lock_the_account_even_against_the_right_password()
    {
        using var admin = await _host.ClientFor("admin");
        var (userName, password) = await CreateAccountWithKnownPassword(admin, "lock.me");
        using var client = _host.CreateClient();

        for (var i = 1; i <= 4; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = "wrong-pass-" + i });
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"attempt {i}");
        }
        var fifth = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = "wrong-pass-5" });
        var problem = await ProblemAssert.IsProblem(fifth, (HttpStatusCode)423, "urn:cw:problem:account-locked");
        Assert.That(problem.GetProperty("lockedUntil").GetDateTimeOffset(), Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(14)));

        var right = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        await ProblemAssert.IsProblem(right, (HttpStatusCode)423, "urn:cw:problem:account-locked");
    }

    [Test]
    public async Task Refresh_rotates_and_reusing_a_spent_token_revokes_the_whole_family()
    {
        var first = await _host.SignIn("leader.linfen");
        using var client = _host.CreateClient();

        var rotated = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken });
        Assert.That(rotated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var second = (await rotated.Content.ReadFromJsonAsync<Tokens>(Json.Options))!;
        Assert.That(second.RefreshToken, Is.Not.EqualTo(first.RefreshToken));

        var replay = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken });
        await ProblemAssert.IsProblem(replay, HttpStatusCode.Unauthorized, "urn:cw:problem:invalid-refresh-token");

        var afterReuse = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = second.RefreshToken });
        await ProblemAssert.IsProblem(afterReuse, HttpStatusCode.Unauthorized, "urn:cw:problem:invalid-refresh-token");
    }

    [Test]
    public async Task Refreshed_access_token_works_and_carries_the_same_scope()
    {
        var first = await _host.SignIn("hr.linfen");
        using var client = _host.CreateClient();
        var second = (await (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken }))
            .Content.ReadFromJsonAsync<Tokens>(Json.Options))!;

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second.AccessToken);
        var me = await (await client.GetAsync("/api/me")).ReadJson();

        Assert.That(me.GetProperty("scopePath").GetString(), Is.EqualTo("/310000/310106/310106021/"));
    }

    [Test]
    public async Task Logout_ends_the_refresh_token()
    {
        var tokens = await _host.SignIn("hr.linfen");
        using var client = _host.CreateClient();

        var logout = await client.PostAsJsonAsync("/api/auth/logout", new { refreshToken = tokens.RefreshToken });
        var refresh = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });

        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await ProblemAssert.IsProblem(refresh, HttpStatusCode.Unauthorized, "urn:cw:problem:invalid-refresh-token");
    }

    [Test]
    public async Task Disabled_account_cannot_sign_in_and_its_refresh_tokens_die()
    {
        using var admin = await _host.ClientFor("admin");
        var (userName, password) = await CreateAccountWithKnownPassword(admin, "to.disable");
        var tokens = await _host.SignIn(userName, password);
        var account = await FindAccount(admin, userName);

        var disable = await admin.PostAsJsonAsync($"/api/access/accounts/{account.Id}/disable", new { version = account.Version });
        Assert.That(disable.StatusCode, Is.EqualTo(HttpStatusCode.OK), await disable.Content.ReadAsStringAsync());

        using var client = _host.CreateClient();
        var signIn = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        await ProblemAssert.IsProblem(signIn, HttpStatusCode.Forbidden, "urn:cw:problem:account-disabled");
        var refresh = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        await ProblemAssert.IsProblem(refresh, HttpStatusCode.Unauthorized, "urn:cw:problem:invalid-refresh-token");
    }

    [Test]
    public async Task New_account_gets_a_one_time_password_that_must_be_changed()
    {
        using var admin = await _host.ClientFor("admin");
        var street = await OrgTree.IdByCode(admin, CwHost.DemoStreetCode);
        var created = await admin.PostAsJsonAsync("/api/access/accounts",
            new { userName = "new.hr", displayName = "新人事", role = "hr", orgUnitId = street });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var body = await created.ReadJson();
        var temporary = body.GetProperty("temporaryPassword").GetString()!;

        using var user = await _host.ClientFor("new.hr", temporary);
        var me = await (await user.GetAsync("/api/me")).ReadJson();
        Assert.That(me.GetProperty("mustChangePassword").GetBoolean(), Is.True);

        var weak = await user.PostAsJsonAsync("/api/me/password", new { currentPassword = temporary, newPassword = "short" });
        await ProblemAssert.NamesField(weak, "newPassword");
        var changed = await user.PostAsJsonAsync("/api/me/password", new { currentPassword = temporary, newPassword = "Better2026pass" });
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await changed.Content.ReadAsStringAsync());
        var fresh = (await changed.Content.ReadFromJsonAsync<Tokens>(Json.Options))!;
        using var after = _host.CreateClient();
        after.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fresh.AccessToken);
        Assert.That((await (await after.GetAsync("/api/me")).ReadJson()).GetProperty("mustChangePassword").GetBoolean(), Is.False);
        Assert.That((await after.GetAsync("/api/staffing/org-units/tree")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var oldPassword = await _host.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "new.hr", password = temporary });
        Assert.That(oldPassword.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE action = 'access.password.changed'"), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Until_the_temporary_password_is_changed_the_account_may_only_read_itself_and_change_it()
    {
        using var admin = await _host.ClientFor("admin");
        var (userName, temporary) = await CreateAccountWithKnownPassword(admin, "pending.pw");
        using var user = await _host.ClientFor(userName, temporary);

        var me = await user.GetAsync("/api/me");
        var tree = await user.GetAsync("/api/staffing/org-units/tree");
        var roster = await user.GetAsync("/api/staffing/workers");
        var rotations = await user.GetAsync("/api/staffing/rotation-requests");

        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ProblemAssert.IsProblem(tree, HttpStatusCode.Forbidden, "urn:cw:problem:password-change-required");
        await ProblemAssert.IsProblem(roster, HttpStatusCode.Forbidden, "urn:cw:problem:password-change-required");
        await ProblemAssert.IsProblem(rotations, HttpStatusCode.Forbidden, "urn:cw:problem:password-change-required");
    }

    [Test]
    public async Task A_role_outside_the_policy_is_still_plain_forbidden_while_the_password_change_is_pending()
    {
        using var admin = await _host.ClientFor("admin");
        var (userName, temporary) = await CreateAccountWithKnownPassword(admin, "pending.leader");
        using var user = await _host.ClientFor(userName, temporary);

        // Accounts are admin-only: a leader is forbidden whatever their password state.
        await ProblemAssert.IsProblem(await user.GetAsync("/api/access/accounts"), HttpStatusCode.Forbidden, "urn:cw:problem:forbidden");
    }

    [Test]
    public async Task Duplicate_user_name_is_409_and_non_admin_account_needs_a_scope()
    {
        using var admin = await _host.ClientFor("admin");

        var duplicate = await admin.PostAsJsonAsync("/api/access/accounts",
            new { userName = "hr.linfen", displayName = "重复", role = "admin" });
        var unscoped = await admin.PostAsJsonAsync("/api/access/accounts",
            new { userName = "no.scope", displayName = "无范围", role = "leader" });

        await ProblemAssert.IsProblem(duplicate, HttpStatusCode.Conflict, "urn:cw:problem:duplicate");
        await ProblemAssert.NamesField(unscoped, "orgUnitId");
    }

    [Test]
    public async Task Only_admin_manages_accounts()
    {
        using var hr = await _host.ClientFor("hr.linfen");
        using var anonymous = _host.CreateClient();

        await ProblemAssert.IsProblem(await hr.GetAsync("/api/access/accounts"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await anonymous.GetAsync("/api/access/accounts"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Account_list_pages_and_filters_by_role()
    {
        using var admin = await _host.ClientFor("admin");

        var page = await (await admin.GetAsync("/api/access/accounts?role=worker&pageSize=1")).ReadJson();

        Assert.That(page.GetProperty("pageSize").GetInt32(), Is.EqualTo(1));
        Assert.That(page.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
        Assert.That(page.GetProperty("items")[0].GetProperty("role").GetString(), Is.EqualTo("worker"));
    }

    internal static async Task<(string UserName, string Password)> CreateAccountWithKnownPassword(HttpClient admin, string userName)
    {
        var street = await OrgTree.IdByCode(admin, CwHost.DemoStreetCode);
        var created = await admin.PostAsJsonAsync("/api/access/accounts",
            new { userName, displayName = userName, role = "leader", orgUnitId = street });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        return (userName, (await created.ReadJson()).GetProperty("temporaryPassword").GetString()!);
    }

    private static async Task<(Guid Id, int Version)> FindAccount(HttpClient admin, string userName)
    {
        var page = await (await admin.GetAsync($"/api/access/accounts?q={userName}")).ReadJson();
        var item = page.GetProperty("items")[0];
        return (item.GetProperty("id").GetGuid(), item.GetProperty("version").GetInt32());
    }
}
