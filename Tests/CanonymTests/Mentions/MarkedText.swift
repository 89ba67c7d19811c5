/// Text with the expected mentions marked `⟦…⟧`, so tests state spans without counting offsets.
struct MarkedText {
    let text: String
    /// Expected spans in Unicode-scalar offsets into `text`, in order.
    let spans: [Range<Int>]

    init(_ marked: String) {
        var scalars = String.UnicodeScalarView()
        var spans: [Range<Int>] = []
        var open: Int?
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⟦": open = scalars.count
            case "⟧": spans.append(open!..<scalars.count); open = nil
            default: scalars.append(scalar)
            }
        }
        text = String(scalars)
        self.spans = spans
    }
}
