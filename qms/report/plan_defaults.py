"""What ``qms plan report`` shows in its help before it writes anything: the date line's default place.

Apart from :mod:`qms.report.plan_docx`, which imports python-docx: declaring the command's options
(every run of ``qms`` does) then costs nothing (issue 15, fast start).
"""

PLACE = "Hải Phòng"
