import CapacityPolicy
import InputFormats
import Testing
@testable import Reports

/// `plan level --input`: rows evaluated and written back; a passed-through column a spreadsheet
/// would run as a formula is neutralised, the counts and the added columns are not.
@Suite struct LevelBatchCSVTests {
    @Test func neutralisesFormulaLikeTextOnly() throws {
        let input = try CSVTable(text: "note,emea,us,open_cases\n\"=HYPERLINK(\"\"http://x\"\")\",2,4,30\n-1,3,10,40\n@here,0,0,1\n", source: "days.csv")
        let csv = try LevelBatch(table: EffectiveTable(.handbook)).csv(input, source: "days.csv")
        #expect(csv == """
            note,emea,us,open_cases,level,level_name,alerts
            "'=HYPERLINK(""http://x"")",2,4,30,4,Community responsiveness flexibility required,#community-relations
            -1,3,10,40,1,Business as usual,
            '@here,0,0,1,8,Engineering collaboration required,#community-relations #ce #sales #prod-eng-announce

            """)
    }
}
