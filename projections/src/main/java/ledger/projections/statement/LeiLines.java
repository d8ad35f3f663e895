package ledger.projections.statement;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import ledger.core.classification.FunctionalCode;

/**
 * The 26 functional 类 that have an expenditure line of their own in 表1 (lines 31–56) and 表4
 * (lines 33–58), in the report's order. Kept here, not derived from the catalog, because the line
 * numbers are part of the published layout: adding a 类 to the catalog must not shift them.
 * Source: {@code /work/shared/reference/func_class_lei_juesuan_table1.tsv}.
 */
final class LeiLines {

    /** 类 code and name, in the order of 表1 lines 31–56. */
    static final List<String[]> LEI = List.of(
            new String[] {"201", "一般公共服务支出"},
            new String[] {"202", "外交支出"},
            new String[] {"203", "国防支出"},
            new String[] {"204", "公共安全支出"},
            new String[] {"205", "教育支出"},
            new String[] {"206", "科学技术支出"},
            new String[] {"207", "文化旅游体育与传媒支出"},
            new String[] {"208", "社会保障和就业支出"},
            new String[] {"210", "卫生健康支出"},
            new String[] {"211", "节能环保支出"},
            new String[] {"212", "城乡社区支出"},
            new String[] {"213", "农林水支出"},
            new String[] {"214", "交通运输支出"},
            new String[] {"215", "资源勘探工业信息等支出"},
            new String[] {"216", "商业服务业等支出"},
            new String[] {"217", "金融支出"},
            new String[] {"219", "援助其他地区支出"},
            new String[] {"220", "自然资源海洋气象等支出"},
            new String[] {"221", "住房保障支出"},
            new String[] {"222", "粮油物资储备支出"},
            new String[] {"223", "国有资本经营预算支出"},
            new String[] {"224", "灾害防治及应急管理支出"},
            new String[] {"229", "其他支出"},
            new String[] {"231", "债务还本支出"},
            new String[] {"232", "债务付息支出"},
            new String[] {"234", "抗疫特别国债安排的支出"});

    static final int COUNT = LEI.size();

    private static final Map<String, Integer> INDEX = IntStream.range(0, COUNT).boxed()
            .collect(Collectors.toUnmodifiableMap(i -> LEI.get(i)[0], Function.identity()));

    private static final String DIGITS = "一二三四五六七八九";

    private LeiLines() {
    }

    /**
     * The position (0–25) of a code's 类 in the report.
     *
     * @throws IllegalArgumentException when the 类 has no line in 表1: its money could not be shown
     */
    static int indexOf(FunctionalCode code) {
        Integer index = INDEX.get(code.lei().code());
        if (index == null) {
            throw new IllegalArgumentException("functional 类 " + code.lei() + " (of " + code
                    + ") has no expenditure line in 表1/表4; known 类: " + INDEX.keySet());
        }
        return index;
    }

    static String code(int index) {
        return LEI.get(index)[0];
    }

    static String name(int index) {
        return LEI.get(index)[1];
    }

    /** The label printed on the line: {@code 八、社会保障和就业支出}. */
    static String numberedName(int index) {
        return chineseOrdinal(index + 1) + "、" + name(index);
    }

    /** 1 → 一, 10 → 十, 14 → 十四, 20 → 二十, 26 → 二十六 (enough for the report's lines). */
    static String chineseOrdinal(int number) {
        if (number < 1 || number > 99) {
            throw new IllegalArgumentException("ordinal out of range: " + number);
        }
        int tens = number / 10;
        int ones = number % 10;
        String tensPart = tens == 0 ? "" : (tens == 1 ? "" : digit(tens)) + "十";
        return tensPart + (ones == 0 ? "" : digit(ones));
    }

    private static String digit(int value) {
        return String.valueOf(DIGITS.charAt(value - 1));
    }
}
