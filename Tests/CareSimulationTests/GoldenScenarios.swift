/// Frozen copies of two scenarios for the golden tally test: the test must not change when the
/// files in `scenarios/` are edited, so their text is embedded here as it was when the hashes
/// were recorded.
enum GoldenScenarios {
    /// scenarios/medway-baseline.yaml as of the recording.
    static let medway = #"""
# Medway Council: baseline forecast of children in care, from published figures.
#
# Sources (see scenarios/SOURCES.md for each figure and its arithmetic):
#   [S003] Medway Sufficiency Strategy 2023-2025 ("A place to call home"), snapshot at December 2022
#   [LA]   DfE children looked after in England, Medway rows 2018-2021 (shared/data/la_cla_2018_2021.csv)
#   [EN]   DfE children looked after in England, national rows 2018-2021 (shared/data/england_cla_2018_2021.csv)
#   [UC]   unit costs (shared/data/unit_costs.csv): CMA 2021, NAO 2024, PSSRU, Kent 2025 rates
#   [A]    an assumption, to be replaced by the council's own figure
name: Medway baseline
description: |
  Medway's children in care from 1 April 2025 for five years, with the December 2022
  placement mix [S003] scaled to an estimated 476 children (458 + 8 a year net growth [LA]),
  entries at the 2018-21 average of 166 a year [LA], exit rates from Medway and England
  figures [LA][EN], and 2025/26 weekly costs derived from [UC]. No new strategy: this is
  what happens if nothing changes.

start: 2025-04-01
horizon: 5 years
replications: 1000
seed: 20250401

placements:
  foster care:
    providers:
      - name: in-house fostering
        in_house: true
        foster_carers:
          households: 149            # approved households, Dec 2022 [S003]
          places_per_household: 0.94 # 140 places; 134 children placed in Dec 2022 [S003]
          recruited_per_year: 16     # [A] gross recruitment is not published
          attrition: 12%             # [A] net change was about -2 households a year [S003]
        weekly_cost: £650            # Kent 2025 carer payments plus overheads; PSSRU £646 (2016/17) [UC]
        local: 90%                   # [A]
      - name: independent fostering agency
        weekly_cost: £1,000          # CMA £820 (c.2020) x 1.04^5 [UC]
        uplift: 1%                   # [A] above general inflation
        local: 55%                   # [A] 59% of all children placed outside Medway [LA 2021]
    moves:
      rate: 0.40                     # moves per child-year; 11% with 3+ placements [LA], 0.43 crude [derived]
      to: {foster care: 88%, children's home: 7%, connected carers: 3%, placed with parents: 2%}
      to_by_age:
        16 to 17: {foster care: 55%, supported accommodation: 40%, children's home: 5%}
    step_down: true

  connected carers:
    providers:
      - name: connected carers
        in_house: true
        weekly_cost: £300            # Kent 2025 maintenance £204-310 [UC]
        local: 80%
    moves:
      rate: 0.15
      to: {foster care: 80%, connected carers: 20%}

  children's home:
    providers:
      - name: in-house children's home
        in_house: true
        capacity: 4                  # Eden House, registered October 2024; beds not published [A]
        weekly_cost: £6,700          # £4,750 (2018/19) x 1.05^7 [UC]
        local: 100%
      - name: external children's home
        weekly_cost: £6,700          # NAO £6,102 (2023/24) x 1.05^2 [UC]
        uplift: 4%                   # residential prices rose 5-7% a year; NAO +7.3% real [UC]
        local: 10%                   # over 90% of residential placements outside Medway [S003]
    moves:
      rate: 0.50
      to: {children's home: 55%, foster care: 35%, secure children's home: 5%, placed with parents: 5%}
      to_by_age:
        16 to 17: {children's home: 40%, supported accommodation: 50%, foster care: 10%}

  secure children's home:
    providers:
      - name: secure children's home
        weekly_cost: £12,000         # £10,500 (2022) x 1.05^3 [UC]
        uplift: 4%
        local: 0%
    moves:
      rate: 4.0                      # secure placements are short: about three months [A]
      to: {children's home: 100%}

  supported accommodation:
    providers:
      - name: in-house supported accommodation
        in_house: true
        capacity: 2                  # 2 in-house placements, Dec 2022 [S003]
        weekly_cost: £1,200          # [A]
        local: 100%
      - name: external supported accommodation
        weekly_cost: £1,750          # midpoint of £1,000-2,500 (DOMAIN.md); no published figure
        local: 50%                   # [A]
    moves:
      rate: 0.30
      to: {supported accommodation: 85%, children's home: 10%, foster care: 5%}

  placed with parents:
    providers:
      - name: placed with parents
        weekly_cost: £0              # support costs sit outside the placements budget [A]
        local: 95%

  placed for adoption:
    providers:
      - name: placed for adoption
        weekly_cost: £0
        local: 70%

  residential school or other:
    providers:
      - name: residential school or other
        weekly_cost: £3,000          # 1 residential school (52 week), NHS and custody at no placement cost [A]
        local: 20%

population:                          # Dec 2022 [S003 Table 3] x 476/458, spread by 2021 ages [LA]
  in-house fostering:               {under 1: 7, 1 to 4: 21, 5 to 9: 32, 10 to 15: 60, 16 to 17: 19}
  independent fostering agency:     {under 1: 9, 1 to 4: 29, 5 to 9: 44, 10 to 15: 82, 16 to 17: 27}
  connected carers:                 {under 1: 2, 1 to 4: 5, 5 to 9: 8, 10 to 15: 15, 16 to 17: 5}
  placed for adoption:              {under 1: 2, 1 to 4: 5, 5 to 9: 2}
  placed with parents:              {1 to 4: 1, 5 to 9: 2, 10 to 15: 4, 16 to 17: 1}
  external children's home:         {5 to 9: 2, 10 to 15: 30, 16 to 17: 11}
  in-house children's home:         {10 to 15: 4}
  in-house supported accommodation: {16 to 17: 2}
  external supported accommodation: {16 to 17: 36}
  residential school or other:      {10 to 15: 3, 16 to 17: 1}

entries:
  per_year:                          # 166 a year, 2018-21 mean [LA]; 34% aged 10-15 [S003]
    under 1: 37
    1 to 4: 26
    5 to 9: 27
    10 to 15: 56
    16 to 17: 20
  trend: 0%
  first_placement:                   # [A] informed by England's first placements 2021 [EN]
    under 1:  {foster care: 88%, connected carers: 5%, placed with parents: 7%}
    1 to 4:   {foster care: 82%, connected carers: 10%, placed with parents: 8%}
    5 to 9:   {foster care: 80%, connected carers: 10%, children's home: 3%, placed with parents: 7%}
    10 to 15: {foster care: 72%, connected carers: 6%, children's home: 15%, placed with parents: 5%, residential school or other: 2%}
    16 to 17: {foster care: 40%, connected carers: 3%, children's home: 12%, supported accommodation: 40%, residential school or other: 5%}

exits:
  rates:                             # per child-year before 18 [derived from LA and EN, D2]
    returned home:        {under 1: 0.33, 1 to 4: 0.14, 5 to 9: 0.12, 10 to 15: 0.12, 16 to 17: 0.16}
    adoption:             {under 1: 0.12, 1 to 4: 0.32, 5 to 9: 0.05}
    special guardianship: {under 1: 0.08, 1 to 4: 0.15, 5 to 9: 0.075, 10 to 15: 0.022}
    child arrangement order: {1 to 4: 0.02, 5 to 9: 0.013, 10 to 15: 0.008}

inflation: 3%                        # general uplift each April [A]

budgets:
  2025/26: {total: £40m}             # [A] 2022/23 budget £32.7m plus £10.3m flagged as needed (press report)
"""#

    /// scenarios/example-annotated.yaml as of the recording (every section of the format:
    /// care leavers, parent-and-child, durations, trends, step changes, capacity changes).
    static let annotated = #"""
# An annotated example: a small, made-up council, using every section of a scenario.
# docs/scenario-format.md explains each key. Figures are illustrative, not any council's.
name: Example council baseline
description: |
  A small council with about 200 children in care, in-house and agency fostering, one
  in-house children's home opening a second in 2026, parent-and-child assessments and
  care leavers supported to 21 (to 25 on request).

start: 2025-04-01            # the first day simulated; the population below is as at this day
horizon: 5 years             # whole months or years: 60 months
replications: 500            # Monte Carlo runs; more gives smoother percentiles
seed: 42                     # the same seed and scenario always give the same results

age_bands:                   # each band by the age it starts at; these are the DfE's bands
  under 1: 0
  1 to 4: 1
  5 to 9: 5
  10 to 15: 10
  16 to 17: 16

placements:
  foster care:
    providers:               # in order of preference; the last has no capacity limit
      - name: in-house fostering
        in_house: true
        foster_carers:       # capacity comes from the households, recruited and lost over time
          households: 60
          places_per_household: 1.5
          recruited_per_year: 8
          attrition: 10%     # a tenth of households leave each year
        weekly_cost: £550
        local: 90%
      - name: agency fostering
        weekly_cost: £950
        uplift: 1%           # yearly price rise above general inflation
        local: 50%
    moves:
      rate: {events: 38, years: 95}  # 38 moves in 95 child-years in foster care: about 0.4 a year
      to: {foster care: 90%, children's home: 10%}
      to_by_age:
        16 to 17: {foster care: 60%, supported accommodation: 40%}
    step_down: true          # a child with the agency moves to in-house care when a place frees

  connected carers:
    providers:
      - name: connected carers
        in_house: true
        weekly_cost: £280
        local: 85%

  children's home:
    providers:
      - name: in-house children's home
        in_house: true
        capacity: 4
        capacity_changes:
          - {date: 2026-09-01, change: 4}    # a second home opens
        weekly_cost: £5,200
        local: 100%
      - name: external children's home
        weekly_cost: £6.5k
        uplift: 4%
        local: 15%
    moves:
      rate: 0.5
      to: {children's home: 60%, foster care: 40%}
    step_down: true

  supported accommodation:
    providers:
      - name: supported accommodation
        weekly_cost: £1,500
        local: 60%

  parent and child:
    serves: parent and child
    providers:
      - name: parent and child fostering
        in_house: true
        capacity: 2
        weekly_cost: £900
      - name: residential family centre
        weekly_cost: £4,000
        local: 30%

  staying put:
    serves: care leavers
    providers:
      - name: staying put
        weekly_cost: £250
  leaving care accommodation:
    serves: care leavers
    providers:
      - name: supported lodgings
        capacity: 10
        weekly_cost: £400
      - name: own tenancy
        weekly_cost: £100
    moves:
      rate: 0.3
      to: {leaving care accommodation: 100%}

population:                  # children in care on the start date, by provider and age band
  in-house fostering:       {under 1: 4, 1 to 4: 12, 5 to 9: 18, 10 to 15: 30, 16 to 17: 10}
  agency fostering:         {1 to 4: 6, 5 to 9: 12, 10 to 15: 30, 16 to 17: 12}
  connected carers:         {all: 4}          # 4 in each band
  in-house children's home: {10 to 15: 4}
  external children's home: {10 to 15: 10, 16 to 17: 6}
  supported accommodation:  {16 to 17: 8}
  residential family centre: 1                # parent-and-child providers take one number
  staying put:              {18 to 20: 6}
  own tenancy:              {18 to 20: 20, 21 to 24: 15}

entries:
  per_year:
    under 1: {events: 45, years: 3}   # 45 entries in 3 years: about 15 a year, with uncertainty
    1 to 4: 14
    5 to 9: 12
    10 to 15: 26
    16 to 17: 12
  trend: 2%                  # entries grow 2% a year, compounded
  changes:
    - {from: 2026-04-01, change: -10%, age_bands: [10 to 15, 16 to 17]}   # edge-of-care service
  first_placement:
    all: {foster care: 85%, connected carers: 10%, children's home: 5%}
    16 to 17: {foster care: 50%, children's home: 10%, supported accommodation: 40%}

exits:
  rates:                     # per child per year, by the child's current age band
    returned home: {all: 0.15, under 1: 0.3}
    adoption: {under 1: 0.12, 1 to 4: 0.3, 5 to 9: 0.05}
    special guardianship: {under 1: 0.08, 1 to 4: 0.15, 5 to 9: 0.07, 10 to 15: 0.02}
  duration:                  # children entering aged 10-15 stay for a gamma-distributed time
    10 to 15: {distribution: gamma, mean: 2 years, shape: 1.5}

inflation:                   # uplift on 1 April of each financial year after the start
  2026/27: 4%
  otherwise: 2.5%

need_trends:
  children's home: 3%        # the share needing a children's home grows 3% a year

parent_and_child:
  per_year: 6
  trend: 5%
  duration: {distribution: lognormal, mean: 12 weeks, shape: 0.4}
  placement: {parent and child: 100%}
  baby_enters_care: 40%

care_leavers:
  pathway:                   # accommodation at 18, by the placement type left
    all: {leaving care accommodation: 100%}
    foster care: {staying put: 30%, leaving care accommodation: 70%}
  support_to_25: 25%

budgets:
  2025/26: {total: £12m, in-house fostering: £2.2m, agency fostering: £3.1m}
  2026/27: £12.5m
"""#
}
