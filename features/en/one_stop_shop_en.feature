@iso9001-8.5.1
Feature: One-stop shop handling of administrative procedures (English criteria)
  The same step library in English: an auditor who does not write Vietnamese can state
  criteria on the same processes.

  @nd118-2025 @QT-TTHC-01
  Scenario: Dossiers are answered within the statutory deadline, late ones with an apology
    Given the process "QT-TTHC-01"
    Then the process is owned by role "kiem-soat-tthc"
    And the process has status "approved"
    And the process is approved by role "lanh-dao"
    And the statutory deadline is at most 5 working days
    And the longest path fits the statutory deadline
    And a branch for late dossiers produces record "BM-TTHC-04"
    And step "kiem-tra-du-thao" always comes before step "tra-ket-qua"

  @iso9001-7.5.3 @QT-TTHC-01 @chua-xac-minh @observation
  Scenario: The dossier register is kept for at least ten years
    Given the process "QT-TTHC-01"
    Then record "BM-TTHC-07" is produced by step "tiep-nhan"
    And record "BM-TTHC-07" is kept for at least 10 years

  @iso9001-9.1.2 @QT-TTHC-01
  Scenario: Citizen satisfaction is measured
    Given the process "QT-TTHC-01"
    Then the process evidences ISO 9001 clause 9.1.2
    And the satisfaction KPI has a target of at least 95%
    And KPI "KPI-TTHC-01" has a target of at least 95%

  @iso9001-4.4 @QT-TTHC-01 @QT-TTHC-GD-01 @QT-VB-01 @QT-DGNB-01 @QT-TTHC-GD-02 @QT-TTHC-GD-03
  Scenario Outline: <code> has no error-level finding and every step has a responsible role
    Given the process "<code>"
    Then the process has no finding of severity "error" or above
    And every step has a responsible role

    Examples:
      | code          |
      | QT-TTHC-01    |
      | QT-TTHC-GD-01 |
      | QT-VB-01      |
      | QT-DGNB-01    |
      | QT-TTHC-GD-02 |
      | QT-TTHC-GD-03 |
