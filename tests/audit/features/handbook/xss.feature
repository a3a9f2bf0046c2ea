# language: vi
# Scenario names and step text that try to become links or attributes in the audit report page of the handbook
# (tests/handbook/test_site.py, with the process tests/handbook/fixtures/hostile/processes/QT-XSS-02.yaml).
@QT-XSS-02
Tính năng: Tiêu chí [độc hại](javascript:alert(40))

  Kịch bản: Kịch bản [bấm](javascript:alert(41)) <img src=x onerror=alert(42)> *nhấn*{: onmouseover=alert(43) }
    Biết quy trình "QT-XSS-02"
    Thì quy trình có bước "[b](JaVaScRiPt:alert(44)) [c](java	script:alert(45)) [d](data:text/html,x) [e](vbscript:x) {: #__config }"

  Kịch bản: Kịch bản thứ hai <script>alert(46)</script> {: onclick=alert(47) }
    Biết quy trình "QT-XSS-02"
    Thì quy trình có vai trò "<img src=x onerror=alert(48)>"
