# language: vi
@iso9001-9.2 @QT-DGNB-01
Tính năng: Đánh giá nội bộ (TCVN ISO 9001:2015, điều 9.2; ISO 19011:2018)
  Sở hoạch định chương trình đánh giá, chọn đánh giá viên khách quan, báo cáo kết quả cho
  lãnh đạo và lưu giữ bằng chứng của chương trình và kết quả đánh giá (9.2.2 a–f).

  Bối cảnh:
    Biết quy trình "QT-DGNB-01"

  @iso9001-9.2.2
  Kịch bản: Chương trình đánh giá được lập và được Giám đốc Sở phê duyệt
    Thì quy trình đáp ứng điều khoản ISO 9001 9.2.2
    Và hồ sơ "BM-DGNB-01" được lập ở bước "lap-chuong-trinh"
    Và bước "phe-duyet-chuong-trinh" do vai trò "lanh-dao" thực hiện
    Và bước "phe-duyet-chuong-trinh" luôn diễn ra trước bước "lap-ke-hoach"

  @iso9001-9.2.2 @iso19011-5.5
  Kịch bản: Đoàn đánh giá được chọn và thành lập trước khi đánh giá (khách quan, vô tư)
    Thì bước "lua-chon-doan" luôn diễn ra trước bước "thuc-hien-danh-gia"
    Và bước "ban-hanh-quyet-dinh" luôn diễn ra trước bước "thuc-hien-danh-gia"
    Và bước "lua-chon-doan" do vai trò "dau-moi-iso" thực hiện

  @iso9001-9.2.2 @iso19011-6.3
  Kịch bản: Kế hoạch đánh giá được gửi trước cuộc họp khai mạc
    Thì hồ sơ "BM-DGNB-02" được lập ở bước "lap-ke-hoach"
    Và bước "lap-ke-hoach" luôn diễn ra trước bước "hop-khai-mac"
    Và hồ sơ "BM-DGNB-03" được lập ở bước "chuan-bi"

  @iso9001-9.2.2 @iso19011-6.5
  Kịch bản: Kết quả đánh giá được báo cáo cho Giám đốc Sở
    Thì hồ sơ "BM-DGNB-06" được lập ở bước "lap-bao-cao"
    Và bước "xem-xet-bao-cao" do vai trò "lanh-dao" thực hiện
    Và bước "lap-bao-cao" luôn diễn ra trước bước "xem-xet-bao-cao"

  # [M] Thời hạn lưu trữ theo Danh mục hồ sơ của Sở.
  @iso9001-9.2.2 @chua-xac-minh @khuyen-nghi
  Kịch bản: Bằng chứng của chương trình và kết quả đánh giá được lưu giữ
    Thì hồ sơ "BM-DGNB-01" được lưu ít nhất 5 năm
    Và hồ sơ "BM-DGNB-06" được lưu ít nhất 5 năm
    Và hồ sơ "BM-DGNB-03" được lưu ít nhất 3 năm
