import OutputFormats

extension CoverPlan {
    /// `cover.csv`: one row per day and option bought, costs in the pool's unit.
    public var csv: String {
        var text = CSVWriter.row(["date", "option", "group", "name", "count", "cost_per_day", "cost"])
        for purchase in purchases {
            text += CSVWriter.row([
                purchase.date.description, purchase.option.option, purchase.option.group, purchase.option.name ?? "",
                String(purchase.count), NumberFormat.plain(purchase.option.costPerDay), NumberFormat.plain(purchase.cost),
            ])
        }
        return text
    }
}
