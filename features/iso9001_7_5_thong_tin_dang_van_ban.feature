# language: vi
@iso9001-7.5
Tính năng: Thông tin dạng văn bản (TCVN ISO 9001:2015, điều 7.5)
  Quy trình được nhận biết, xem xét và phê duyệt trước khi áp dụng (7.5.2); sửa đổi được
  kiểm soát; hồ sơ có nơi lưu, người lưu giữ và thời hạn lưu trữ (7.5.3).

  @iso9001-7.5.2 @QT-TTHC-01 @QT-VB-01 @QT-DGNB-01
  Khung kịch bản: <mã> được Lãnh đạo Sở phê duyệt trước khi có hiệu lực
    Biết quy trình "<mã>"
    Thì quy trình ở trạng thái "đã phê duyệt"
    Và quy trình được phê duyệt bởi vai trò "lanh-dao"
    Và người phê duyệt khác người soạn thảo
    Và người phê duyệt có thẩm quyền phê duyệt
    Và ngày hiệu lực không sớm hơn ngày phê duyệt
    Và quy trình không có phát hiện "QMS501"

    Dữ liệu:
      | mã         |
      | QT-TTHC-01 |
      | QT-VB-01   |
      | QT-DGNB-01 |

  @iso9001-7.5.3 @QT-TTHC-01 @QT-TTHC-GD-01 @QT-VB-01 @QT-DGNB-01 @QT-TTHC-GD-02 @QT-TTHC-GD-03
  Khung kịch bản: Sửa đổi của <mã> được kiểm soát
    Biết quy trình "<mã>"
    Thì lịch sử sửa đổi có phiên bản hiện hành
    Và quy trình không có phát hiện "QMS502"

    Dữ liệu:
      | mã            |
      | QT-TTHC-01    |
      | QT-TTHC-GD-01 |
      | QT-VB-01      |
      | QT-DGNB-01    |
      | QT-TTHC-GD-02 |
      | QT-TTHC-GD-03 |

  @iso9001-7.5.3 @QT-TTHC-01 @QT-TTHC-GD-01 @QT-VB-01 @QT-DGNB-01 @QT-TTHC-GD-02 @QT-TTHC-GD-03
  Khung kịch bản: Mọi hồ sơ của <mã> đều được lập và lưu giữ có kiểm soát
    Biết quy trình "<mã>"
    Thì mọi hồ sơ đều có vai trò lưu giữ, nơi lưu và thời hạn lưu trữ
    Và quy trình không có phát hiện "QMS504"
    Và quy trình không có phát hiện "QMS506"

    Dữ liệu:
      | mã            |
      | QT-TTHC-01    |
      | QT-TTHC-GD-01 |
      | QT-VB-01      |
      | QT-DGNB-01    |
      | QT-TTHC-GD-02 |
      | QT-TTHC-GD-03 |

  # [M] Thời hạn lưu trữ lấy theo Danh mục hồ sơ của Sở, chưa đối chiếu bảng thời hạn bảo quản
  # theo quy định; vì vậy không đạt chỉ là khuyến nghị.
  @iso9001-7.5.3 @QT-TTHC-01 @chua-xac-minh @khuyen-nghi
  Kịch bản: Sổ theo dõi và hồ sơ giải quyết TTHC được lưu ít nhất 10 năm
    Biết quy trình "QT-TTHC-01"
    Thì hồ sơ "BM-TTHC-07" được lưu ít nhất 10 năm
    Và hồ sơ "HS-TTHC" được lưu ít nhất 10 năm
    Và hồ sơ "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết" được lưu ít nhất 5 năm

  # [M] Thời hạn bảo quản theo Danh mục hồ sơ của Sở.
  @iso9001-7.5.3 @nd30-2020 @QT-VB-01 @chua-xac-minh @khuyen-nghi
  Kịch bản: Sổ đăng ký và tập lưu bản gốc văn bản đi được lưu vĩnh viễn
    Biết quy trình "QT-VB-01"
    Thì hồ sơ "BM-VB-01" được lưu vĩnh viễn
    Và hồ sơ "BM-VB-03" được lưu vĩnh viễn
    Và hồ sơ "BM-VB-06" được lưu vĩnh viễn
