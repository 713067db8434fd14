/// The kinds of project the bureau funds, with what makes each one's data look like itself.
struct ProjectTemplate {
    var id: String
    var nameKo: String
    var nameEn: String
    var department: String
    var programType: String
    var scope: String
    var startDate: String
    var fundingEnd: String
    var target: Int
    /// Where a local project's people live, if local.
    var homeDistrict: String?
    var ageWeights: [Double]
    var activityKinds: [String]
    var residentLed: Double
    var techLinked: Double
    /// Proposals per participant over the whole period.
    var proposalRate: Double
    /// Funding sources and their monthly amounts in KRW (0 means none).
    var funding: [String: Int]
    /// Stages reached, in order, with the quarter offset (from 2025Q1) they were reached in.
    var stages: [(stage: String, quarter: Int)]
    /// Quarters (from 2025Q1) with no activity at all.
    var quietQuarters: Set<Int>

    static let all: [ProjectTemplate] = [
        ProjectTemplate(
            id: "mapo-village", nameKo: "마포 마을공동체 활성화", nameEn: "Mapo Village Community Revitalization",
            department: "지역공동체담당관", programType: "village_community", scope: "local", startDate: "2024-03-01",
            fundingEnd: "2027-02-28", target: 110, homeDistrict: "마포구",
            ageWeights: [0.08, 0.14, 0.2, 0.2, 0.2, 0.12, 0.06], activityKinds: ["meeting", "workshop", "festival"],
            residentLed: 0.55, techLinked: 0.05, proposalRate: 0.25,
            funding: ["public_grant": 9_000_000, "self_revenue": 900_000, "private_donation": 400_000, "in_kind": 300_000],
            stages: [("network", 0), ("pilot", 2), ("scale_up", 6)], quietQuarters: []),
        ProjectTemplate(
            id: "citizen-idea", nameKo: "시민 아이디어 제안 사업", nameEn: "Citizen Idea Program",
            department: "민관협력담당관", programType: "citizen_proposal", scope: "citywide", startDate: "2023-01-01",
            fundingEnd: "", target: 260, homeDistrict: nil,
            ageWeights: [0.05, 0.2, 0.22, 0.2, 0.18, 0.1, 0.05], activityKinds: ["workshop", "meeting", "training"],
            residentLed: 0.3, techLinked: 0.25, proposalRate: 1.2,
            funding: ["public_grant": 15_000_000, "crowdfunding": 600_000],
            stages: [("network", 0), ("pilot", 0), ("scale_up", 1), ("institutionalized", 5)], quietQuarters: []),
        ProjectTemplate(
            id: "youth-social-venture", nameKo: "청년 사회적기업 인큐베이터", nameEn: "Youth Social Enterprise Incubator",
            department: "사회혁신담당관", programType: "social_enterprise", scope: "citywide", startDate: "2024-07-01",
            fundingEnd: "2026-12-31", target: 70, homeDistrict: nil,
            ageWeights: [0.04, 0.5, 0.34, 0.08, 0.03, 0.01, 0], activityKinds: ["training", "workshop", "pilot"],
            residentLed: 0.2, techLinked: 0.35, proposalRate: 0.3,
            funding: ["public_grant": 12_000_000, "self_revenue": 4_500_000, "private_donation": 1_500_000, "crowdfunding": 800_000],
            stages: [("network", 0), ("pilot", 1), ("scale_up", 5)], quietQuarters: []),
        ProjectTemplate(
            id: "senior-reemployment", nameKo: "신중년 재취업 지원", nameEn: "Senior Re-employment Support",
            department: "인권담당관", programType: "senior_reemployment", scope: "citywide", startDate: "2024-01-15",
            fundingEnd: "2026-12-31", target: 90, homeDistrict: nil,
            ageWeights: [0, 0, 0.02, 0.08, 0.55, 0.3, 0.05], activityKinds: ["training", "meeting"],
            residentLed: 0.1, techLinked: 0.12, proposalRate: 0.1,
            funding: ["public_grant": 11_000_000, "private_donation": 700_000, "in_kind": 500_000],
            stages: [("network", 0), ("pilot", 3)], quietQuarters: []),
        ProjectTemplate(
            id: "conflict-mediation", nameKo: "공공갈등 조정 지원", nameEn: "Public Conflict Mediation",
            department: "갈등조정담당관", programType: "conflict_mediation", scope: "citywide", startDate: "2024-05-01",
            fundingEnd: "", target: 40, homeDistrict: nil,
            ageWeights: [0.02, 0.08, 0.16, 0.24, 0.3, 0.15, 0.05], activityKinds: ["mediation", "meeting"],
            residentLed: 0.15, techLinked: 0.0, proposalRate: 0,
            funding: ["public_grant": 6_000_000],
            stages: [("network", 0)], quietQuarters: [2]),
        ProjectTemplate(
            id: "seongdong-living-lab", nameKo: "성동 스마트시티 리빙랩", nameEn: "Seongdong Smart-City Living Lab",
            department: "사회혁신담당관", programType: "living_lab", scope: "local", startDate: "2025-04-01",
            fundingEnd: "2027-03-31", target: 60, homeDistrict: "성동구",
            ageWeights: [0.06, 0.18, 0.24, 0.22, 0.18, 0.09, 0.03], activityKinds: ["pilot", "workshop", "meeting"],
            residentLed: 0.4, techLinked: 0.7, proposalRate: 0,
            funding: ["public_grant": 8_000_000, "self_revenue": 300_000, "in_kind": 1_200_000],
            stages: [("network", 1), ("pilot", 3)], quietQuarters: []),
    ]
}
