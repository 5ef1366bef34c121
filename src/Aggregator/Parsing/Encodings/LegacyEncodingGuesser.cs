using System.Buffers;

namespace Aggregator.Parsing.Encodings;

/// <summary>
/// Guesses the legacy encoding of undeclared, non-UTF-8 bytes, as chardet does for feedparser but far more simply:
/// decode a sample with each candidate that accepts it and keep the one whose non-ASCII characters are most often
/// among the commonest characters of its language.
/// </summary>
internal static class LegacyEncodingGuesser
{
    private const int SampleBytes = 64 * 1024;

    private static readonly SearchValues<char> CommonSimplified = SearchValues.Create(
        "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湖钟奥恩厂，。、：；？！“”（）《》…—");

    private static readonly SearchValues<char> CommonTraditional = SearchValues.Create(
        "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或新己制身果加西斯月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活爾更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基眼書非則聽白卻界達光放強即像難且權思王象完設式色路記南品住告類求據程北邊死張該交規萬取拉格望覺術領共確傳師觀清今切院讓識候帶導爭運笑飛風步改收根乾造言聯持組每濟車親極林服快辦議往元英士證近失轉夫令準布始怎呢存未遠叫台單影具羅字愛擊流備兵連調深商算質團集百需價花黨華城石級整府離況亞請技際約示復病息究線似官火斷精滿支視消越器容照須九增研寫稱企八功嗎包片史委乎查輕易早曾除農找裝廣顯吧阿李標談吃圖念六引歷首醫局突專費號盡另周較注語僅考落青隨選列武紅響雖推勢參希古眾構房半節土投某案黑維革劃敵致陳律足態護七興派孩驗責營星夠章音跟志底站嚴巴例防族供效續施留講型料終答緊黃絕奇察母京段依批群項故按河米圍江織害鬥雙境客紀採舉殺攻父蘇密低朝友訴止細願千值仍男錢破網熱助倒育屬坐帝限船臉職速刻樂否剛威毛狀率甚獨球般普怕彈校苦創假久錯承印晚蘭試股拿腦預誰益陽若哪微尼繼送急血驚傷素藥適波夜省初喜衛源食險待述陸習置居勞財環排福納歡雷警獲模充負雲停木遊龍樹疑層冷洲衝射略範竟句室異激漢村哈策演簡卡罪判擔州靜退既衣您宗積餘痛檢差富靈協角佔配徵修皮揮勝降階審沉堅善媽劉讀啊超免壓銀買皇養伊懷執副亂抗犯追幫宣佛歲航優怪香田鐵控稅左右份穿藝背陣草腳概惡塊頓敢守酒島托央戶烈洋哥索胡款靠評版寶座釋景顧弟登貨互付伯慢歐換聞危忙核暗姐介壞討麗良序升監臨亮露永呼味野架域沙掉括艦魚雜誤湖鐘奧恩廠，。、：；？！「」（）…");

    private static readonly SearchValues<char> CommonKorean = SearchValues.Create(
        "이다의는에을를하고가지서한로으기사도수리자어나대정인시해일있들보적것국게주전부우면니요구성과만상라되아소내위및제경동문등할연합습입용했터유데장원방조관회공거그마오무생없와된비업신며화작중계단력세여후년개발때금미실분진통번학물드간재저선모말운영행명결현까의야음법출본알치안표교건차반체월더예형점당질약받였번크트스르타레드프템키테퍼컴");

    private static readonly SearchValues<char> CommonCyrillic = SearchValues.Create("оеаинтсрвлкмдпуяыьгзбчО");
    private static readonly SearchValues<char> CommonHebrew = SearchValues.Create("יוהלרמאבשתנעדכםקפןחסגצך");
    private static readonly SearchValues<char> CommonThai = SearchValues.Create("านรอกเงมยลวดทสตะปบคหแจพชขใไ่้ัีิุูื็์โ");
    private static readonly SearchValues<char> CommonLatin1 = SearchValues.Create("éèàùâêîôûëïüçäöñáíóúßåøæœÉÀÇÖÜÄ’‘“”–—…«»°£€©®");

    private sealed record Candidate(string Name, bool MultiByte, Func<string, double> Score);

    private static readonly Candidate[] Candidates =
    [
        new("gb18030", true, text => Ratio(text, c => CommonSimplified.Contains(c))),
        new("big5", true, text => Ratio(text, c => CommonTraditional.Contains(c))),
        new("euc-kr", true, text => Ratio(text, c => CommonKorean.Contains(c))),
        new("shift_jis", true, text => Ratio(text, c => c is >= '\u3040' and <= '\u30FF' || CommonSimplified.Contains(c) || CommonTraditional.Contains(c))),
        new("windows-1252", false, Latin1Score),
        new("koi8-r", false, text => Ratio(text, c => CommonCyrillic.Contains(c))),
        new("windows-1251", false, text => Ratio(text, c => CommonCyrillic.Contains(c))),
        new("windows-1255", false, text => Ratio(text, c => CommonHebrew.Contains(c))),
        new("tis-620", false, ThaiScore),
    ];

    public static string Guess(ReadOnlySpan<byte> bytes)
    {
        // Single-byte text almost never survives strict multi-byte decoding (a lead byte before a space is invalid), so
        // a multi-byte candidate that decodes and reads as its language wins; otherwise the best single-byte one.
        var scores = Scores(bytes);
        var multiByte = scores.Where(s => s.MultiByte && s.Score >= 0.2).MaxBy(s => s.Score);
        if (multiByte is not null)
        {
            return multiByte.Name;
        }

        var singleByte = scores.Where(s => !s.MultiByte && s.Score >= 0.25).MaxBy(s => s.Score);
        return singleByte?.Name ?? "windows-1252";
    }

    /// <summary>Each candidate that decodes the sample cleanly, with its score (exposed for tests and tuning).</summary>
    internal static IReadOnlyList<CandidateScore> Scores(ReadOnlySpan<byte> bytes)
    {
        var sample = TrimToCharacterBoundary(bytes[..Math.Min(bytes.Length, SampleBytes)], bytes.Length > SampleBytes);
        var scores = new List<CandidateScore>();
        foreach (var candidate in Candidates)
        {
            if (CharsetNames.TryResolve(candidate.Name, out _, out _, out var strict) && CharsetNames.DecodesCleanly(strict, sample))
            {
                scores.Add(new CandidateScore(candidate.Name, candidate.MultiByte, Math.Round(candidate.Score(strict.GetString(sample)), 3)));
            }
        }

        return scores;
    }

    internal sealed record CandidateScore(string Name, bool MultiByte, double Score);

    /// <summary>Share of non-ASCII characters that are common in the candidate's language.</summary>
    private static double Ratio(string text, Func<char, bool> isCommon)
    {
        int high = 0, common = 0;
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                high++;
                if (isCommon(c))
                {
                    common++;
                }
            }
        }

        return high == 0 ? 0 : (double)common / high;
    }

    /// <summary>Thai vowel and tone marks follow a consonant; in text that is not Thai they land anywhere.</summary>
    private static double ThaiScore(string text)
    {
        int marks = 0, misplaced = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\u0E31' or (>= '\u0E34' and <= '\u0E3A') or (>= '\u0E47' and <= '\u0E4E'))
            {
                marks++;
                misplaced += i == 0 || text[i - 1] is < '\u0E01' or > '\u0E4E' ? 1 : 0;
            }
        }

        var penalty = marks == 0 ? 0 : (double)misplaced / marks;
        return Ratio(text, c => CommonThai.Contains(c)) * Math.Max(0, 1 - 3 * penalty);
    }

    /// <summary>Western text is mostly ASCII letters with a few accents; mostly-accented "words" are another script.</summary>
    private static double Latin1Score(string text)
    {
        int letters = 0, high = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                high += c > 0x7F ? 1 : 0;
            }
        }

        var score = Ratio(text, c => CommonLatin1.Contains(c));
        return letters > 0 && high > letters * 0.3 ? score * 0.2 : score;
    }

    /// <summary>A sample cut from a longer document must not end in half a character, or strict decoding rejects it.</summary>
    private static ReadOnlySpan<byte> TrimToCharacterBoundary(ReadOnlySpan<byte> sample, bool truncated)
    {
        if (!truncated)
        {
            return sample;
        }

        var lastAscii = sample.LastIndexOfAnyInRange((byte)0, (byte)0x7F);
        return lastAscii > 0 ? sample[..(lastAscii + 1)] : sample;
    }
}
