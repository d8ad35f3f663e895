package ledger.core.text;

import java.util.Map;

/**
 * A field as a message names it: its Chinese name in Chinese ({@code 资金来源}), its English word in
 * English ({@code fund}). The journal's columns and the API's fields share these words.
 */
public record FieldName(String english, String chinese) implements Reason.Named {

    private static final Map<String, String> CHINESE =
            Map.ofEntries(
                    Map.entry("id", "交易号"),
                    Map.entry("date", "日期"),
                    Map.entry("kind", "类型"),
                    Map.entry("unit", "单位"),
                    Map.entry("fund", "资金来源"),
                    Map.entry("fund source", "资金来源"),
                    Map.entry("functional", "功能分类"),
                    Map.entry("economic", "经济分类"),
                    Map.entry("nature", "支出性质"),
                    Map.entry("project", "项目"),
                    Map.entry("amount", "金额"),
                    Map.entry("voucher", "凭证号"),
                    Map.entry("memo", "摘要"),
                    Map.entry("reverses", "冲销交易号"),
                    Map.entry("procurement", "采购类型"),
                    Map.entry("sme", "中小企业"),
                    Map.entry("unit_name", "单位名称"),
                    Map.entry("project_name", "项目名称"),
                    Map.entry("indicator", "指标文号"),
                    Map.entry("code", "编码"),
                    Map.entry("name", "名称"),
                    Map.entry("classification", "分类"),
                    Map.entry("file", "文件"),
                    Map.entry("mapping", "映射文件"),
                    Map.entry("body", "请求体"),
                    Map.entry("to_unit", "收款单位"),
                    Map.entry("year", "年度"));

    /** The field named by its English word; a word without a Chinese name is shown as it is. */
    public static FieldName of(String english) {
        return new FieldName(english, CHINESE.getOrDefault(english, english));
    }

    @Override
    public String chineseName() {
        return chinese;
    }

    @Override
    public String englishName() {
        return english;
    }
}
