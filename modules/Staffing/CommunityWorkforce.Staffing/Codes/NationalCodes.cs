namespace CommunityWorkforce.Staffing.Codes;

/// <summary>One value of a national code table.</summary>
public sealed record CodeValue(string Code, string Name, string NameEn);

/// <summary>
/// The national standard code tables the roster uses: GB/T 2261.1 gender, GB/T 3304 ethnic groups, GB/T 4762
/// political status, GB/T 4658-2006 education. Codes are stored; names are for display and import.
/// </summary>
public static class NationalCodes
{
    /// <summary>GB/T 2261.1-2003 性别</summary>
    public static readonly IReadOnlyList<CodeValue> Gender =
    [
        new("0", "未知的性别", "Unknown"), new("1", "男", "Male"), new("2", "女", "Female"), new("9", "未说明的性别", "Unstated"),
    ];

    /// <summary>GB/T 4762 政治面貌</summary>
    public static readonly IReadOnlyList<CodeValue> PoliticalStatus =
    [
        new("01", "中共党员", "CPC member"), new("02", "中共预备党员", "CPC probationary member"),
        new("03", "共青团员", "Communist Youth League member"), new("04", "民革党员", "RCCK member"),
        new("05", "民盟盟员", "CDL member"), new("06", "民建会员", "CNDCA member"), new("07", "民进会员", "CAPD member"),
        new("08", "农工党党员", "CPWDP member"), new("09", "致公党党员", "CZGP member"), new("10", "九三学社社员", "JS member"),
        new("11", "台盟盟员", "TDSGL member"), new("12", "无党派人士", "Non-party personage"), new("13", "群众", "Masses"),
    ];

    /// <summary>GB/T 4658-2006 学历</summary>
    public static readonly IReadOnlyList<CodeValue> Education =
    [
        new("10", "研究生教育", "Postgraduate"), new("11", "博士研究生毕业", "Doctorate"), new("12", "博士研究生结业", "Doctoral study completed"),
        new("13", "博士研究生肄业", "Doctoral study incomplete"), new("14", "硕士研究生毕业", "Master's degree"),
        new("15", "硕士研究生结业", "Master's study completed"), new("16", "硕士研究生肄业", "Master's study incomplete"),
        new("20", "大学本科教育", "Bachelor"), new("21", "大学本科毕业", "Bachelor's degree"), new("22", "大学本科结业", "Bachelor's study completed"),
        new("23", "大学本科肄业", "Bachelor's study incomplete"), new("30", "大学专科教育", "College"), new("31", "大学专科毕业", "College diploma"),
        new("32", "大学专科结业", "College study completed"), new("33", "大学专科肄业", "College study incomplete"),
        new("40", "中等职业教育", "Secondary vocational"), new("41", "中等专科毕业", "Technical secondary school"),
        new("44", "职业高中毕业", "Vocational high school"), new("47", "技工学校毕业", "Skilled-worker school"),
        new("60", "普通高级中学教育", "Senior high school"), new("61", "普通高中毕业", "Senior high graduate"),
        new("62", "普通高中结业", "Senior high completed"), new("63", "普通高中肄业", "Senior high incomplete"),
        new("70", "初级中学教育", "Junior high school"), new("71", "初中毕业", "Junior high graduate"), new("73", "初中肄业", "Junior high incomplete"),
        new("80", "小学教育", "Primary school"), new("81", "小学毕业", "Primary graduate"), new("83", "小学肄业", "Primary incomplete"),
        new("90", "其他", "Other"),
    ];

    private static readonly string[] EthnicEnglish =
    [
        "Han", "Mongol", "Hui", "Tibetan", "Uyghur", "Miao", "Yi", "Zhuang", "Bouyei", "Korean", "Manchu", "Dong", "Yao", "Bai",
        "Tujia", "Hani", "Kazakh", "Dai", "Li", "Lisu", "Va", "She", "Gaoshan", "Lahu", "Sui", "Dongxiang", "Naxi", "Jingpo",
        "Kyrgyz", "Tu", "Daur", "Mulao", "Qiang", "Blang", "Salar", "Maonan", "Gelao", "Xibe", "Achang", "Pumi", "Tajik", "Nu",
        "Uzbek", "Russian", "Evenki", "De'ang", "Bonan", "Yugur", "Gin", "Tatar", "Derung", "Oroqen", "Hezhen", "Monba", "Lhoba", "Jino",
    ];

    /// <summary>GB/T 3304-1991 民族 (all 56).</summary>
    public static readonly IReadOnlyList<CodeValue> EthnicGroup = new[]
    {
        "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
        "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
        "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
        "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
        "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
    }.Select((name, i) => new CodeValue((i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture), name, EthnicEnglish[i])).ToList();


    /// <summary>Finds a code by its code or its Chinese name (imports accept either).</summary>
    public static CodeValue? Find(IReadOnlyList<CodeValue> table, string? codeOrName)
    {
        if (string.IsNullOrWhiteSpace(codeOrName))
        {
            return null;
        }
        var text = codeOrName.Trim();
        return table.FirstOrDefault(c => c.Code == text || c.Name == text)
            ?? (text.Length == 1 && char.IsDigit(text[0]) ? table.FirstOrDefault(c => c.Code == "0" + text) : null);
    }

    /// <summary>The education band (first digit + 0) a detailed code belongs to: 21 → 20.</summary>
    public static string EducationBand(string code) => code[..1] + "0";
}
