# language: vi
Tính năng: Văn bản <b>độc hại</b> & "ngoặc"
  @QT-XSS-01
  Kịch bản: Kịch bản <i>nguy hiểm</i> | & "x"
    Biết quy trình "QT-XSS-01"
    Thì mọi bước đều có vai trò thực hiện
