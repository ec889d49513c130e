using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using static CommunityWorkforce.CompetencyFramework.Tests.CompetencyData;

namespace CommunityWorkforce.CompetencyFramework.Tests;

/// <summary>Versioned frameworks: the seeded default, immutability once published, new drafts, diff; requirement profiles.</summary>
[TestFixture]
public sealed class FrameworkApiTests
{
    private CwHost _host = null!;
    private HttpClient _hr = null!;
    private HttpClient _leader = null!;
    private HttpClient _worker = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = new CwHost();
        _hr = await _host.ClientFor("hr.linfen");
        _leader = await _host.ClientFor("leader.linfen");
        _worker = await _host.ClientFor("worker.demo");
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        foreach (var client in new[] { _hr, _leader, _worker })
        {
            client.Dispose();
        }
        _host.Dispose();
    }

    [Test]
    public async Task The_default_community_worker_framework_is_seeded_published_with_five_bilingual_levels_per_competency()
    {
        var (id, competencies) = await DefaultFramework(_leader);
        var framework = await _leader.GetJson($"/api/competency/frameworks/{id}");

        Assert.That(framework.GetProperty("framework").Str("status"), Is.EqualTo("published"));
        var dimensions = framework.GetProperty("dimensions").EnumerateArray().Select(d => d.Str("nameZh")).ToList();
        Assert.That(dimensions, Is.EqualTo(new[] { "政治素质", "业务知识", "工作能力", "个性特质" }));
        Assert.That(competencies.Keys, Does.Contain("knowledge-civil-affairs").And.Contain("knowledge-health")
            .And.Contain("ability-emergency-response").And.Contain("ability-digital-tools"));
        var levels = framework.GetProperty("dimensions").EnumerateArray()
            .SelectMany(d => d.GetProperty("competencies").EnumerateArray())
            .Select(c => c.GetProperty("levels").EnumerateArray().ToList()).ToList();
        Assert.That(levels.All(l => l.Select(x => x.Int("level")).SequenceEqual([1, 2, 3, 4, 5])), Is.True);
        Assert.That(levels.SelectMany(l => l).All(x => x.Str("indicatorZh").Length > 5 && x.Str("indicatorEn").Length > 5), Is.True);
    }

    [Test]
    public async Task Editing_a_published_version_is_409_and_a_new_draft_copies_it_and_publishing_retires_the_old()
    {
        var (id, _) = await PublishedTestFramework(_hr);
        var published = await _hr.GetJson($"/api/competency/frameworks/{id}");
        var edit = await _hr.PutAsJsonAsync($"/api/competency/frameworks/{id}", new
        {
            nameZh = "改名", nameEn = "Renamed", version = published.GetProperty("framework").Int("version"),
            dimensions = new[] { Dimension("ability", "工作能力", "Abilities", ("communication", "群众沟通")) },
        });
        await ProblemAssert.IsProblem(edit, HttpStatusCode.Conflict, "urn:cw:problem:framework-immutable");

        var draft = await _hr.PostAsync($"/api/competency/frameworks/{id}/new-draft", null).Ok(HttpStatusCode.Created);
        var draftId = draft.GetProperty("framework").Id();
        Assert.That(draft.GetProperty("framework").Int("versionNo"), Is.EqualTo(2));
        Assert.That(draft.GetProperty("framework").Str("status"), Is.EqualTo("draft"));
        Assert.That(Competencies(draft).Keys, Is.EquivalentTo(Competencies(published).Keys), "the draft copies the published content");
        await ProblemAssert.IsProblem(await _hr.PostAsync($"/api/competency/frameworks/{id}/new-draft", null), HttpStatusCode.Conflict);

        var saved = await _hr.PutAsJsonAsync($"/api/competency/frameworks/{draftId}", new
        {
            nameZh = "测试能力框架", nameEn = "Test framework", version = draft.GetProperty("framework").Int("version"),
            dimensions = new[] { Dimension("ability", "工作能力", "Abilities", ("communication", "群众沟通（修订）"), ("organising", "组织协调"), ("digital", "数字化应用")) },
        }).Ok();
        var diff = await _hr.GetJson($"/api/competency/frameworks/{draftId}/diff");
        Assert.That(diff.GetProperty("added").EnumerateArray().Select(c => c.Str("code")), Is.EqualTo(new[] { "digital" }));
        Assert.That(diff.GetProperty("removed").EnumerateArray().Select(c => c.Str("code")), Is.EqualTo(new[] { "emergency" }));
        var changed = diff.GetProperty("changed").EnumerateArray().Single();
        Assert.That(changed.Str("code"), Is.EqualTo("communication"));
        Assert.That(changed.GetProperty("fields").EnumerateArray().Select(f => f.GetString()), Does.Contain("name").And.Contain("level-1"));

        await _hr.PostAsJsonAsync($"/api/competency/frameworks/{draftId}/publish", new { version = saved.GetProperty("framework").Int("version") }).Ok();
        var old = await _hr.GetJson($"/api/competency/frameworks/{id}");
        Assert.That(old.GetProperty("framework").Str("status"), Is.EqualTo("retired"));
        var audit = await _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE entity_id = @Id AND action = 'competency.framework.published'", new { Id = draftId });
        Assert.That(audit, Is.EqualTo(1));
    }

    [Test]
    public async Task A_level_outside_1_to_5_is_400_naming_the_field()
    {
        var response = await _hr.PostAsJsonAsync("/api/competency/frameworks", new
        {
            code = "bad-levels", nameZh = "坏等级", nameEn = "Bad levels",
            dimensions = new[]
            {
                new
                {
                    code = "d", nameZh = "维度", nameEn = "Dimension",
                    competencies = new[]
                    {
                        new
                        {
                            code = "c", nameZh = "能力", nameEn = "Competency",
                            levels = new[] { 1, 2, 3, 4, 6 }.Select(l => new { level = l, indicatorZh = "指标", indicatorEn = "Indicator" }),
                        },
                    },
                },
            },
        });

        var problem = await ProblemAssert.NamesField(response, "dimensions[0].competencies[0].levels[4].level");
        Assert.That(problem.GetProperty("errors").TryGetProperty("dimensions[0].competencies[0].levels", out _), Is.True, "level 5 is missing");
    }

    [Test]
    public async Task Workers_and_leaders_cannot_write_frameworks()
    {
        var body = new { code = "nope", nameZh = "否", nameEn = "No", dimensions = Array.Empty<object>() };
        Assert.That((await _worker.PostAsJsonAsync("/api/competency/frameworks", body)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await _leader.PostAsJsonAsync("/api/competency/frameworks", body)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await _worker.GetAsync("/api/competency/frameworks")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_profile_whose_weights_do_not_sum_to_100_is_400_naming_items()
    {
        var (frameworkId, c) = await PublishedTestFramework(_hr);

        var response = await CreateProfile(_hr, frameworkId, "staff", null, (c["communication"], 3, 50), (c["organising"], 3, 40));

        var problem = await ProblemAssert.NamesField(response, "items");
        Assert.That(problem.GetProperty("errors").GetProperty("items")[0].GetString(), Does.Contain("90"));
    }

    [Test]
    public async Task A_profile_level_outside_1_to_5_is_400_naming_the_item()
    {
        var (frameworkId, c) = await PublishedTestFramework(_hr);

        var response = await CreateProfile(_hr, frameworkId, "staff", null, (c["communication"], 6, 50), (c["organising"], 3, 50));

        await ProblemAssert.NamesField(response, "items[0].requiredLevel");
    }

    [Test]
    public async Task A_profile_points_at_one_published_version_and_is_unique_per_post_type_and_title()
    {
        var (frameworkId, c) = await PublishedTestFramework(_hr);
        var created = await CreateProfile(_hr, frameworkId, "deputy", "居委会副主任", (c["communication"], 4, 60), (c["organising"], 3, 40))
            .Ok(HttpStatusCode.Created);

        Assert.That(created.Str("postTitle"), Is.EqualTo("居委会副主任"));
        Assert.That(created.GetProperty("items").EnumerateArray().Sum(i => i.Int("weight")), Is.EqualTo(100));
        var again = await CreateProfile(_hr, frameworkId, "deputy", "居委会副主任", (c["communication"], 4, 100));
        await ProblemAssert.IsProblem(again, HttpStatusCode.Conflict, "urn:cw:problem:duplicate");

        var draft = await _hr.PostAsync($"/api/competency/frameworks/{frameworkId}/new-draft", null).Ok(HttpStatusCode.Created);
        var onDraft = await CreateProfile(_hr, draft.GetProperty("framework").Id(), "staff", null, (Competencies(draft)["communication"], 3, 100));
        await ProblemAssert.NamesField(onDraft, "frameworkId");

        var foreign = await CreateProfile(_hr, frameworkId, "staff", null, ((await DefaultFramework(_hr)).Competencies["political-awareness"], 3, 100));
        await ProblemAssert.NamesField(foreign, "items[0].competencyId");
    }
}
