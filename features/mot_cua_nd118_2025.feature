# language: vi
@nd118-2025
Tính năng: Giải quyết TTHC theo cơ chế một cửa (Nghị định 118/2025/NĐ-CP; Thông tư 03/2025/TT-VPCP)
  Từ 01/7/2025, hồ sơ TTHC được tiếp nhận, hướng dẫn bổ sung một lần, theo dõi bằng phiếu
  kiểm soát, giải quyết trong thời hạn và xin lỗi, hẹn lại khi trễ hạn.
  [S] Nghị định 118/2025/NĐ-CP (thay thế Nghị định 61/2018/NĐ-CP từ 01/7/2025) và tên, số thứ tự
  các mẫu tại Phụ lục I Thông tư 03/2025/TT-VPCP theo nguồn thứ cấp, chưa đối chiếu văn bản gốc:
  các tiêu chí dựa trên các nội dung đó được gắn @chua-xac-minh @khuyen-nghi.

  @iso9001-8.5.1 @QT-TTHC-01 @QT-TTHC-GD-01 @QT-TTHC-GD-02
  Khung kịch bản: <mã> được giải quyết trong thời hạn, kể cả nhánh dài nhất
    Biết quy trình "<mã>"
    Thì thời hạn giải quyết không quá 5 ngày làm việc
    Và đường đi dài nhất không vượt quá thời hạn giải quyết
    Và quy trình không có phát hiện "QMS302"

    Dữ liệu:
      | mã            |
      | QT-TTHC-01    |
      | QT-TTHC-GD-01 |
      | QT-TTHC-GD-02 |

  @iso9001-8.7 @QT-TTHC-01 @QT-TTHC-GD-01 @QT-TTHC-GD-02 @QT-TTHC-GD-03
  Khung kịch bản: <mã> có nhánh xin lỗi và hẹn lại khi hồ sơ trễ hạn
    Biết quy trình "<mã>"
    Thì có nhánh xử lý hồ sơ trễ hạn lập văn bản xin lỗi
    Và có nhánh xử lý hồ sơ trễ hạn lập hồ sơ "<văn bản xin lỗi>"
    Và bước "<kiểm soát hạn>" có nhánh dẫn tới bước "xin-loi"
    Và quy trình không có phát hiện "QMS304"

    Dữ liệu:
      | mã            | văn bản xin lỗi | kiểm soát hạn     |
      | QT-TTHC-01    | BM-TTHC-04      | kiem-soat-tien-do |
      | QT-TTHC-GD-01 | BM-CT-06        | kiem-soat-han     |
      | QT-TTHC-GD-02 | BM-BS-04        | kiem-soat-han     |
      | QT-TTHC-GD-03 | BM-CQ-04        | kiem-soat-han     |

  @iso9001-8.2.1 @QT-TTHC-01 @QT-TTHC-GD-01 @QT-TTHC-GD-02 @QT-TTHC-GD-03
  Khung kịch bản: <mã> hướng dẫn bổ sung hồ sơ một lần khi hồ sơ chưa đầy đủ
    Biết quy trình "<mã>"
    Thì bước "kiem-tra" có nhánh dẫn tới bước "<hướng dẫn bổ sung>"
    Và bước "<hướng dẫn bổ sung>" luôn diễn ra trước bước "cho-bo-sung"
    Và quy trình có căn cứ pháp lý "118/2025/NĐ-CP"

    Dữ liệu:
      | mã            | hướng dẫn bổ sung |
      | QT-TTHC-01    | yeu-cau-bo-sung   |
      | QT-TTHC-GD-01 | huong-dan-bo-sung |
      | QT-TTHC-GD-02 | yeu-cau-bo-sung   |
      | QT-TTHC-GD-03 | yeu-cau-bo-sung   |

  # [S] Không tính thời gian chờ bổ sung vào thời hạn giải quyết: nguồn thứ cấp.
  @QT-TTHC-01 @QT-TTHC-GD-01 @chua-xac-minh @khuyen-nghi @QT-TTHC-GD-02 @QT-TTHC-GD-03
  Khung kịch bản: Thời gian chờ người nộp bổ sung hồ sơ không tính vào thời hạn của <mã>
    Biết quy trình "<mã>"
    Thì thời gian ở bước "cho-bo-sung" không tính vào thời hạn giải quyết

    Dữ liệu:
      | mã            |
      | QT-TTHC-01    |
      | QT-TTHC-GD-01 |
      | QT-TTHC-GD-02 |
      | QT-TTHC-GD-03 |

  @QT-TTHC-01
  Kịch bản: Bộ phận Một cửa cấp giấy tiếp nhận, lập phiếu kiểm soát và vào sổ theo dõi
    Biết quy trình "QT-TTHC-01"
    Thì hồ sơ "BM-TTHC-01" được lập ở bước "cap-giay-tiep-nhan"
    Và hồ sơ "BM-TTHC-06" được lập ở bước "cap-giay-tiep-nhan"
    Và hồ sơ "BM-TTHC-06" được lập ở bước "chuyen-ho-so"
    Và hồ sơ "BM-TTHC-07" được lập ở bước "tiep-nhan"
    Và hồ sơ "BM-TTHC-07" được lập ở bước "tra-ket-qua"
    Và bước "cap-giay-tiep-nhan" do vai trò "mot-cua" thực hiện

  @QT-TTHC-01
  Kịch bản: Hồ sơ không đủ điều kiện bị từ chối bằng phiếu, nêu rõ lý do
    Biết quy trình "QT-TTHC-01"
    Thì bước "kiem-tra" có nhánh dẫn tới bước "tu-choi"
    Và hồ sơ "BM-TTHC-03" được lập ở bước "tu-choi"
    Và hồ sơ "BM-TTHC-02" được lập ở bước "yeu-cau-bo-sung"

  # [S] Tên và số thứ tự các mẫu theo Phụ lục I Thông tư 03/2025/TT-VPCP.
  @tt03-2025-vpcp @QT-TTHC-01 @chua-xac-minh @khuyen-nghi
  Kịch bản: Biểu mẫu một cửa theo Phụ lục I Thông tư 03/2025/TT-VPCP
    Biết quy trình "QT-TTHC-01"
    Thì quy trình có căn cứ pháp lý "03/2025/TT-VPCP"
    Và quy trình không có phát hiện "QMS402"
    Và hồ sơ "BM-TTHC-01" theo mẫu "Mẫu số 01"
    Và hồ sơ "BM-TTHC-02" theo mẫu "Mẫu số 02"
    Và hồ sơ "BM-TTHC-03" theo mẫu "Mẫu số 03"
    Và hồ sơ "BM-TTHC-04" theo mẫu "Mẫu số 04"
    Và hồ sơ "BM-TTHC-06" theo mẫu "Mẫu số 06"
    Và hồ sơ "BM-TTHC-07" theo mẫu "Mẫu số 07"
