namespace CommunityWorkforce.TestKit;

public static class OrgTree
{
    /// <summary>The id of an org unit the client can see, by its code.</summary>
    public static async Task<Guid> IdByCode(HttpClient client, string code)
    {
        var page = await (await client.GetAsync($"/api/staffing/org-units?q={code}&status=all&pageSize=50")).ReadJson();
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            if (item.GetProperty("code").GetString() == code)
            {
                return item.GetProperty("id").GetGuid();
            }
        }
        throw new InvalidOperationException($"Org unit {code} not visible.");
    }
}
