package ledger.projections.explanation;

/** 十二 国有资产占用情况: not in the ledger; blanks for the unit to fill in. */
final class AssetsSection implements ExplanationSection {

    private final ExplanationWriter writer;

    AssetsSection(ExplanationWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write() {
        writer.begin("十二", "国有资产占用情况", "");
        writer.body(
                "截至 " + writer.year() + " 年 12 月 31 日，" + writer.input().unitName() + "共有车辆 ",
                Fragment.blank("车辆数"),
                " 辆，其中，",
                Fragment.blank("车辆用途构成"),
                "。",
                Fragment.blank("单价 50 万元（含）以上通用设备"),
                "，",
                Fragment.blank("单价 100 万元（含）以上专用设备"),
                "。（资产情况不在账簿中，由单位填写。）");
    }
}
