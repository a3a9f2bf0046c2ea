# language: vi
@iso9001-9.1
Tính năng: Theo dõi, đo lường, phân tích và đánh giá (TCVN ISO 9001:2015, điều 9.1)
  Mỗi quá trình có chỉ số đo lường với cách tính, tần suất, nguồn dữ liệu và người theo
  dõi (9.1.1); quá trình phục vụ người dân đo mức độ hài lòng (9.1.2).

  @iso9001-9.1.1 @QT-TTHC-01 @QT-TTHC-GD-01 @QT-VB-01 @QT-DGNB-01 @QT-TTHC-GD-02 @QT-TTHC-GD-03
  Khung kịch bản: Chỉ số của <mã> được xác định đầy đủ
    Biết quy trình "<mã>"
    Thì mọi chỉ số đều có cách tính, tần suất đo, nguồn dữ liệu và vai trò theo dõi
    Và quy trình không có phát hiện "QMS602"

    Dữ liệu:
      | mã            |
      | QT-TTHC-01    |
      | QT-TTHC-GD-01 |
      | QT-VB-01      |
      | QT-DGNB-01    |
      | QT-TTHC-GD-02 |
      | QT-TTHC-GD-03 |

  # [M] Mức hài lòng tối thiểu 90% (năm 2025) theo mục tiêu của Nghị quyết 76/NQ-CP, chưa đối chiếu văn bản.
  @iso9001-9.1.2 @QT-TTHC-01 @QT-TTHC-GD-01 @chua-xac-minh @khuyen-nghi @QT-TTHC-GD-02 @QT-TTHC-GD-03
  Khung kịch bản: <mã> đo mức độ hài lòng của người dân với chỉ tiêu ít nhất 90%
    Biết quy trình "<mã>"
    Thì chỉ số đo mức độ hài lòng có chỉ tiêu ít nhất 90%
    Và quy trình không có phát hiện "QMS703"

    Dữ liệu:
      | mã            |
      | QT-TTHC-01    |
      | QT-TTHC-GD-01 |
      | QT-TTHC-GD-02 |
      | QT-TTHC-GD-03 |

  @iso9001-9.1.1 @QT-TTHC-01
  Kịch bản: Giải quyết hồ sơ TTHC được đo bằng tỷ lệ đúng hạn và tỷ lệ xin lỗi khi trễ hạn
    Biết quy trình "QT-TTHC-01"
    Thì quy trình đáp ứng điều khoản ISO 9001 9.1
    Và chỉ số "KPI-TTHC-01" có chỉ tiêu ít nhất 95%
    Và chỉ số "KPI-TTHC-03" có chỉ tiêu ít nhất 95%
    Và chỉ số "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi gửi trước ngày hẹn" có chỉ tiêu ít nhất 100%

  @iso9001-9.1.1 @nd30-2020 @QT-VB-01
  Kịch bản: Mọi văn bản đi được phát hành đúng hạn
    Biết quy trình "QT-VB-01"
    Thì chỉ số "KPI-VB-01" có chỉ tiêu ít nhất 100%

  @iso9001-9.1.1 @iso9001-10.2 @QT-DGNB-01
  Kịch bản: Hành động khắc phục được theo dõi bằng tỷ lệ khắc phục đúng hạn
    Biết quy trình "QT-DGNB-01"
    Thì chỉ số "KPI-DGNB-02" có chỉ tiêu ít nhất 95%
    Và chỉ số "KPI-DGNB-01" có chỉ tiêu ít nhất 100%
