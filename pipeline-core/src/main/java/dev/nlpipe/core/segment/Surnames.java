package dev.nlpipe.core.segment;

import java.util.Set;

/**
 * Common Chinese family names, single-character and compound, for splitting a recognized person
 * name into family name and given name as the PKU standard does ("江 泽民"). Only words a
 * segmenter already tagged as Chinese person names are split, so the list can be generous.
 */
public final class Surnames {
    private static final String SINGLE =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
            + "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温"
            + "康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成"
            + "苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费"
            + "卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠"
            + "惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国"
            + "狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢"
            + "嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";
    private static final Set<String> COMPOUND = Set.of("欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "尉迟", "公孙",
            "慕容", "长孙", "宇文", "夏侯", "令狐", "端木", "西门", "南宫", "独孤", "百里", "呼延", "轩辕", "澹台", "万俟", "闻人",
            "申屠", "濮阳", "钟离");

    private Surnames() {
    }

    /**
     * The length of the family name that begins {@code name} (2 for a compound family name
     * followed by at least one more character, 1 for a common single-character one), or 0 (also
     * for a compound family name alone).
     */
    public static int prefixLength(String name) {
        if (name.length() >= 2 && COMPOUND.contains(name.substring(0, 2))) {
            return name.length() > 2 ? 2 : 0;
        }
        if (name.length() >= 2 && SINGLE.indexOf(name.charAt(0)) >= 0) {
            return 1;
        }
        return 0;
    }
}
