@iso9001-5.3 @QT-LOI-01
Feature: English criteria on a process with shortfalls

  Background:
    Given the process "QT-LOI-01"

  Scenario: owner
    Then the process is owned by role "lanh-dao"

  Scenario: deadline
    Then the longest path fits the statutory deadline

  Scenario: retention
    Then record "BM-01" is kept for at least 5 years

  @observation
  Scenario: satisfaction
    Then the satisfaction KPI has a target of at least 90%

  Scenario: met
    Then the process has a step "tham-dinh"
    And record "BM-01" is produced by step "tiep-nhan"

  Scenario: unknown step
    Then the process is owned by the role "lanh-dao"
