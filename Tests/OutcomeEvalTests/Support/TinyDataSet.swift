@testable import DataContract
@testable import Evaluation
@testable import Pipeline
@testable import Results

/// A data set small enough to compute every indicator by hand (see IndicatorFormulaTests).
///
/// Quarter 2026Q3. Active participants A = P1..P5 (P6 came only in Q2).
enum TinyDataSet {
    static let projects = """
        project_id,name_ko,name_en,department,program_type,scope,start_date,funding_end_date,target_participants
        p1,시험 사업,Test project,사회혁신담당관,living_lab,citywide,2026-01-01,,4

        """
    static let participants = """
        participant_id,district,gender,age_band,income_band,disability,role,joined_on
        P1,종로구,F,20-29,low,N,organizer,2026-01-01
        P2,종로구,M,30-39,middle,N,resident,2026-01-01
        P3,중구,F,65-74,high,N,resident,2026-01-01
        P4,기타,X,40-49,,Y,resident,2026-01-01
        P5,용산구,,20-29,middle,N,organizer,2026-01-01
        P6,중구,M,50-64,low,N,resident,2026-01-01

        """
    static let activities = """
        activity_id,date,district,kind,resident_led,tech_linked,cost_krw
        A1,2026-07-05,종로구,workshop,Y,N,100000
        A2,2026-08-10,중구,meeting,N,Y,50000
        A3,2026-04-10,중구,meeting,Y,N,0
        A4,2026-01-15,용산구,pilot,N,N,0

        """
    static let attendance = """
        date,activity_id,participant_id
        2026-07-05,A1,P1
        2026-08-10,A2,P1
        2026-07-05,A1,P2
        2026-07-05,A1,P3
        2026-08-10,A2,P3
        2026-08-10,A2,P4
        2026-07-05,A1,P5
        2026-04-10,A3,P1
        2026-04-10,A3,P2
        2026-04-10,A3,P6

        """
    /// Decided in Q3: low 2/5 adopted, middle 4/5, high 1/3 (left out: fewer than 5).
    static let proposals = """
        proposal_id,participant_id,submitted_on,status,decided_on
        L1,P1,2026-06-01,adopted,2026-07-10
        L2,P1,2026-06-01,adopted,2026-07-11
        L3,P6,2026-06-01,rejected,2026-07-12
        L4,P6,2026-06-01,rejected,2026-07-13
        L5,P6,2026-06-01,rejected,2026-07-14
        M1,P2,2026-06-01,adopted,2026-08-01
        M2,P2,2026-06-01,adopted,2026-08-02
        M3,P5,2026-06-01,adopted,2026-08-03
        M4,P5,2026-06-01,adopted,2026-08-04
        M5,P5,2026-06-01,rejected,2026-08-05
        H1,P3,2026-06-01,adopted,2026-09-01
        H2,P3,2026-06-01,rejected,2026-09-02
        H3,P3,2026-06-01,rejected,2026-09-30
        X1,P1,2026-09-01,pending,
        X2,P2,2026-03-01,adopted,2026-06-30

        """
    /// Trailing four quarters (2025Q4-2026Q3): 1000 public, 300 self, 100 donation, 100 crowd, 500 in kind.
    static let finance = """
        date,source,amount_krw
        2026-02-01,public_grant,1000
        2026-07-01,self_revenue,300
        2026-05-01,private_donation,100
        2025-11-01,crowdfunding,100
        2026-08-01,in_kind,500
        2025-09-30,public_grant,9999

        """
    static let milestones = """
        date,stage,partner,partner_sector,note
        2026-02-01,network,서울시,public,
        2026-05-01,pilot,마을회,civil,"시범, 운영"
        2026-10-05,scale_up,회사,private,after the quarter

        """

    static let tables: [String: String] = [
        "participants.csv": participants, "activities.csv": activities, "attendance.csv": attendance,
        "proposals.csv": proposals, "finance.csv": finance, "milestones.csv": milestones,
    ]

    /// Writes the data set, with the files in `replacing` changed and those in `removing` left out.
    static func write(
        to folder: TemporaryFolder, registry: String = projects, replacing: [String: String] = [:], removing: Set<String> = []
    ) -> String {
        folder.write("data/projects.csv", registry)
        for (name, text) in tables where !removing.contains(name) {
            folder.write("data/p1/" + name, replacing[name] ?? text)
        }
        return folder.path + "/data"
    }

    static func evaluate(
        _ folder: TemporaryFolder, registry: String = projects, replacing: [String: String] = [:], removing: Set<String> = [],
        period: String = "2026Q3"
    ) throws -> EvaluationResult {
        let data = write(to: folder, registry: registry, replacing: replacing, removing: removing)
        return try DataSetEvaluation.run(
            RunConfiguration(dataDirectory: data, indicatorsDirectory: defaultIndicators, period: Quarter(period)!))
    }
}

extension EvaluationResult {
    /// The evaluated quarter's outcome of indicator `id` for the first project.
    func outcome(_ id: String, quarter: Int? = nil) -> IndicatorOutcome {
        let i = plan.indicators.firstIndex { $0.definition.id == id }!
        return projects[0].outcomes[quarter ?? (quarters.count - 1)][i]
    }

    func value(_ id: String) -> Double? {
        if case let .value(v, _, _, _) = outcome(id) { return v }
        return nil
    }
}
