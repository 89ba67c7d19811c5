import Foundation
import Testing

@Suite struct ExplainCommandTests {
    @Test func explainsTheVoicingEditOfTogayev() throws {
        let run = try Canonym.run(["explain", "Togayev"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Togayev\n"))
        #expect(run.stdout.contains("Kassym-Jomart Tokayev"))
        #expect(run.stdout.contains("togayev ~ tokayev"))
        #expect(run.stdout.contains("g→k"))
        #expect(run.stdout.contains("voicing k/g"))
    }

    @Test func explainsSeveralNamesAgainstAGivenGazetteer() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("g.tsv", "id\tcanonical\ttype\nperson:putin\tVladimir Putin\tperson\nplace:tashkent\tTashkent\tplace\n")
        let run = try Canonym.run(["explain", "--gazetteer", file.path, "Poutine", "Tachkent", "Jean Dupont"])
        #expect(run.status == 0)
        let blocks = run.stdout.split(separator: "\n\n")
        #expect(blocks.count == 3)
        #expect(blocks[0].contains("Vladimir Putin") && blocks[0].contains("French convention"))
        #expect(blocks[1].contains("ch→sh"))
        #expect(blocks[2].contains("unknown"))
    }

    @Test func explainsTheLeadBehindADecisionAndLeadZeroTurnsItOff() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("g.tsv", "id\tcanonical\ttype\nplace:tulle\tTulle\tplace\nplace:dhule\tDhule\tplace\n")
        let close = try Canonym.run(["explain", "--gazetteer", file.path, "Dulle"])
        #expect(close.status == 0)
        #expect(close.stdout.contains("  unknown\n"))
        #expect(close.stdout.contains("needed, threshold 0.85 + ") && close.stdout.contains("under the 0.08 wanted"), "\(close.stdout)")
        let plain = try Canonym.run(["match", "--gazetteer", file.path, "--lead", "0"], stdin: "Dulle\n")
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("\"status\":\"unknown\""), "\(plain.stdout)")
        let refused = try Canonym.run(["match", "--lead", "2"], stdin: "Dulle\n")
        #expect(refused.status == 64 && refused.stderr.contains("--lead must be between 0 and 1"))
    }

    @Test func versionNamesICU() throws {
        let run = try Canonym.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("ICU"))
    }
}
