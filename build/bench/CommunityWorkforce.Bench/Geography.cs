namespace CommunityWorkforce.Bench;

/// <summary>Shanghai's 16 districts (statistical division codes) and how many streets/towns each gets (215 in all).</summary>
internal static class Geography
{
    public static readonly (string Code, string Name, int Streets)[] Districts =
    [
        ("310101", "黄浦区", 10), ("310104", "徐汇区", 13), ("310105", "长宁区", 10), ("310106", "静安区", 14),
        ("310107", "普陀区", 10), ("310109", "虹口区", 8), ("310110", "杨浦区", 12), ("310112", "闵行区", 14),
        ("310113", "宝山区", 12), ("310114", "嘉定区", 12), ("310115", "浦东新区", 36), ("310116", "金山区", 11),
        ("310117", "松江区", 17), ("310118", "青浦区", 11), ("310120", "奉贤区", 11), ("310151", "崇明区", 14),
    ];
}
