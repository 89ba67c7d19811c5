import Foundation
import Testing
@testable import CanonymCLI

@Suite struct ProgressReporterTests {
    @Test func lineShowsRowsRatePercentageAndETAWhenTheSizeIsKnown() {
        // 375 of 1000 bytes in 30 s: the other 625 bytes take 50 s at the same pace.
        #expect(ProgressReporter.line(rows: 12000, seconds: 30, bytesDone: 375, totalBytes: 1000)
                == "12000 rows, 400 rows/s, 37.5%, ETA 0:50")
    }

    @Test func lineLeavesOutPercentageAndETAWhenTheSizeIsUnknown() {
        #expect(ProgressReporter.line(rows: 5, seconds: 2, bytesDone: 100, totalBytes: nil) == "5 rows, 2.5 rows/s")
        #expect(ProgressReporter.line(rows: 1, seconds: 4, bytesDone: 10, totalBytes: nil) == "1 row, 0.2 rows/s")
    }

    @Test func lineBeforeAnythingIsDoneHasNoRateOrETA() {
        #expect(ProgressReporter.line(rows: 0, seconds: 0, bytesDone: 0, totalBytes: 500) == "0 rows, - rows/s, 0.0%, ETA -")
    }

    @Test func percentageStopsAtAHundredAndAnEmptyInputIsDone() {
        #expect(ProgressReporter.line(rows: 3, seconds: 1, bytesDone: 120, totalBytes: 100) == "3 rows, 3.0 rows/s, 100.0%, ETA 0:00")
        #expect(ProgressReporter.line(rows: 0, seconds: 1, bytesDone: 0, totalBytes: 0) == "0 rows, 0.0 rows/s, 100.0%, ETA -")
    }

    @Test(arguments: [
        (0.0, "0:00"),
        (4.2, "0:05"),       // rounded up: never promise less time than is left
        (65, "1:05"),
        (3725, "1:02:05"),   // hours only when there are some
    ])
    func etaIsMinutesAndSeconds(seconds: Double, shown: String) {
        #expect(ProgressReporter.clock(seconds) == shown)
    }

    @Test func finishedLineGivesTheTotalTimeAndRate() {
        #expect(ProgressReporter.finishedLine(rows: 2500, seconds: 12.3) == "2500 rows in 12.3 s, 203 rows/s")
    }

    @Test func inputSizeIsKnownForRegularFilesOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("names.txt", "Moscou\nTachkent\n")
        #expect(InputFile.regularFileSize(path: file.path) == 16)
        #expect(InputFile.regularFileSize(path: "/dev/null") == nil)
        #expect(InputFile.regularFileSize(path: directory.url.path) == nil)
    }
}
