# language: vi
@iso9001-5.3
Tính năng: Vai trò, trách nhiệm và quyền hạn (TCVN ISO 9001:2015, điều 5.3)
  Mỗi bước có một vai trò chịu trách nhiệm; bước phê duyệt, ký ban hành do vai trò có
  thẩm quyền thực hiện; người soạn thảo không tự phê duyệt.

  @iso9001-4.4.1 @QT-TTHC-01 @QT-TTHC-GD-01 @QT-VB-01 @QT-DGNB-01 @QT-TTHC-GD-02 @QT-TTHC-GD-03
  Khung kịch bản: Trách nhiệm và thẩm quyền trong <mã> được phân công rõ
    Biết quy trình "<mã>"
    Thì mọi bước đều có vai trò thực hiện
    Và mọi bước phê duyệt, ký ban hành đều do vai trò có thẩm quyền thực hiện
    Và quy trình không có phát hiện "QMS203"
    Và quy trình không có phát hiện "QMS204"
    Và quy trình do vai trò "<chủ trì>" chủ trì

    Dữ liệu:
      | mã            | chủ trì         |
      | QT-TTHC-01    | kiem-soat-tthc  |
      | QT-TTHC-GD-01 | hieu-truong     |
      | QT-VB-01      | chanh-van-phong |
      | QT-DGNB-01    | dau-moi-iso     |
      | QT-TTHC-GD-02 | cong-chuc-gd    |
      | QT-TTHC-GD-03 | truong-phong    |

  @QT-TTHC-01
  Kịch bản: Phân công trong giải quyết hồ sơ TTHC
    Biết quy trình "QT-TTHC-01"
    Thì quy trình đáp ứng điều khoản ISO 9001 5.3
    Và bước "tiep-nhan" do vai trò "mot-cua" thực hiện
    Và bước "tham-dinh" do vai trò "chuyen-vien" thực hiện
    Và bước "kiem-soat-tien-do" do vai trò "kiem-soat-tthc" thực hiện
    Và bước "phe-duyet" do vai trò "lanh-dao" thực hiện
    Và bước "tra-ket-qua" do vai trò "mot-cua" thực hiện

  @QT-VB-01
  Kịch bản: Phân công trong ban hành văn bản đi
    Biết quy trình "QT-VB-01"
    Thì quy trình đáp ứng điều khoản ISO 9001 5.3
    Và bước "soan-thao" do vai trò "chuyen-vien" thực hiện
    Và bước "kiem-tra-noi-dung" do vai trò "truong-don-vi" thực hiện
    Và bước "kiem-tra-the-thuc" do vai trò "chanh-van-phong" thực hiện
    Và bước "duyet-ky" do vai trò "lanh-dao" thực hiện
    Và bước "cap-so" do vai trò "van-thu" thực hiện

  @QT-TTHC-GD-01
  Kịch bản: Hiệu trưởng quyết định tiếp nhận học sinh chuyển đến
    Biết quy trình "QT-TTHC-GD-01"
    Thì bước "quyet-dinh" do vai trò "hieu-truong" thực hiện
    Và bước "xin-loi" do vai trò "hieu-truong" thực hiện
