# language: vi
# Three criteria name the role «van-thu», which QT-TTHC-GD-01 does not have: one cause, one nonconformity.
# «ke-toan» is another missing role and «ky-so» a missing step: two more causes.
@QT-TTHC-GD-01
Tính năng: Vai trò của quy trình cấp bản sao văn bằng

  @iso9001-5.3
  Kịch bản: có vai trò văn thư
    Biết quy trình "QT-TTHC-GD-01"
    Thì quy trình có vai trò "van-thu"

  @iso9001-7.5.2
  Kịch bản: văn thư chủ trì
    Biết quy trình "QT-TTHC-GD-01"
    Thì quy trình do vai trò "van-thu" chủ trì

  @iso9001-8.5.1
  Kịch bản: văn thư kiểm tra hồ sơ
    Biết quy trình "QT-TTHC-GD-01"
    Thì bước "kiem-tra" do vai trò "van-thu" thực hiện

  @iso9001-5.3
  Kịch bản: có vai trò kế toán
    Biết quy trình "QT-TTHC-GD-01"
    Thì quy trình có vai trò "ke-toan"

  @iso9001-8.5.1
  Kịch bản: có bước ký số
    Biết quy trình "QT-TTHC-GD-01"
    Thì quy trình có bước "ky-so"
