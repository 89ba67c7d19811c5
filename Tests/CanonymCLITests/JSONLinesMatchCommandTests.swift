import Foundation
import Testing

@Suite struct JSONLinesMatchCommandTests {
    @Test func nestedFieldsGetKeysAddedAndEveryLineComesOutInOrder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let gazetteer = try directory.write("g.tsv", "id\tcanonical\ttype\taliases\ncity:moscow\tMoscow\tplace\tMoscou\n")
        let input = """
            {"n":1,"where":{"city":"Moscou"},"tags":["a","b"]}
            not json
            {"n":3}
            {"n":4,"where":{"city":"Nowhere"}}

            """
        let run = try Canonym.run(["match", "--gazetteer", gazetteer.path, "--jsonl", "--field", "where.city", "--prefix", "c_"], stdin: input)
        #expect(run.status == 1)
        #expect(run.stdoutLines.map(String.init) == [
            #"{"n":1,"where":{"city":"Moscou"},"tags":["a","b"],"c_canonical":"Moscow","c_id":"city:moscow","c_score":1,"c_status":"alias"}"#,
            #"{"input":"not json","c_canonical":null,"c_id":null,"c_score":null,"c_status":"error"}"#,
            #"{"n":3,"c_canonical":null,"c_id":null,"c_score":null,"c_status":"error"}"#,
            #"{"n":4,"where":{"city":"Nowhere"},"c_canonical":null,"c_id":null,"c_score":null,"c_status":"unknown"}"#,
        ])
        #expect(run.stderr.contains("<stdin>:2:1: error: the line is not a JSON object"))
        #expect(run.stderr.contains("<stdin>:3:1: error: the object has no string at \"where.city\""))
        for line in run.stdoutLines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "every output line is a JSON object")
        }
    }

    @Test func fieldNeedsJSONLines() throws {
        let run = try Canonym.run(["match", "--field", "name"], stdin: "")
        #expect(run.status == 64)
        #expect(run.stderr.contains("--field goes with --jsonl"))
    }
}
