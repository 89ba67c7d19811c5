import Foundation

/// Progress of a batch run on stderr's status line: rows done and rows per second, plus the
/// percentage and the time left when the input's size is known (regular files), e.g.
/// `12000 rows, 400 rows/s, 37.5%, ETA 1:05`. Redrawn at most four times a second; `finish()`
/// leaves the final line on screen, ended by a line break. Standard output is never touched.
final class ProgressReporter {
    /// The input's size in bytes; nil when unknown (a pipe), which leaves out percentage and ETA.
    let totalBytes: Int?
    private let started = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant
    private static let redrawInterval = Duration.milliseconds(250)

    init(totalBytes: Int?) {
        self.totalBytes = totalBytes
        lastDrawn = started
    }

    /// Redraws the line if the last redraw is old enough; `bytesDone` is how much of the input
    /// the rows done took.
    func update(rows: Int, bytesDone: Int) {
        let now = ContinuousClock.now
        guard now - lastDrawn >= Self.redrawInterval else { return }
        lastDrawn = now
        Diagnostics.showStatus(Self.line(rows: rows, seconds: Self.seconds(started.duration(to: now)),
                                         bytesDone: bytesDone, totalBytes: totalBytes))
    }

    /// Draws the final line, `2500 rows in 12.3 s, 203 rows/s`, and ends it.
    func finish(rows: Int) {
        Diagnostics.showStatus(Self.finishedLine(rows: rows, seconds: Self.seconds(started.duration(to: .now))))
        Diagnostics.endStatus()
    }

    /// `12000 rows, 400 rows/s, 37.5%, ETA 1:05`; without the last two when `totalBytes` is nil.
    /// The ETA assumes the rest of the input goes at the average rate so far, in bytes.
    static func line(rows: Int, seconds: Double, bytesDone: Int, totalBytes: Int?) -> String {
        var parts = ["\(rows) row\(rows == 1 ? "" : "s")", rate(rows: rows, seconds: seconds)]
        if let totalBytes {
            let fraction = totalBytes > 0 ? min(1, Double(bytesDone) / Double(totalBytes)) : 1
            parts.append(String(format: "%.1f%%", fraction * 100))
            if bytesDone > 0, seconds > 0 {
                parts.append("ETA " + clock(seconds * Double(max(0, totalBytes - bytesDone)) / Double(bytesDone)))
            } else {
                parts.append("ETA -")
            }
        }
        return parts.joined(separator: ", ")
    }

    /// `2500 rows in 12.3 s, 203 rows/s`
    static func finishedLine(rows: Int, seconds: Double) -> String {
        "\(rows) row\(rows == 1 ? "" : "s") in " + String(format: "%.1f s", seconds) + ", " + rate(rows: rows, seconds: seconds)
    }

    /// Whole rows per second, with one decimal below 10 so a slow run does not read 0.
    static func rate(rows: Int, seconds: Double) -> String {
        guard seconds > 0 else { return "- rows/s" }
        let perSecond = Double(rows) / seconds
        return String(format: perSecond < 10 ? "%.1f rows/s" : "%.0f rows/s", perSecond)
    }

    /// `0:05`, `1:05`, `1:01:05`: minutes and seconds, hours only when there are some.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
