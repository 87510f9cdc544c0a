<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="105"/>
        <source>Sửa {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="159"/>
        <source>Đầy đủ %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="198"/>
        <source>Chọn một địa điểm hoặc camera trong danh sách, hoặc thêm mới (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="269"/>
        <source>Xã/phường</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="291"/>
        <source>Có</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="291"/>
        <source>Không</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="322"/>
        <source>Địa điểm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="323"/>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="389"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="324"/>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="390"/>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="395"/>
        <source>Tồn tại, hạn chế</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="325"/>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="391"/>
        <source>Nhu cầu lắp mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="333"/>
        <source>Nháp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="341"/>
        <source>Địa điểm: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="348"/>
        <source>(chưa xác định)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="389"/>
        <source>+ Camera (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="390"/>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="395"/>
        <source>+ Tồn tại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="391"/>
        <source>+ Nhu cầu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="438"/>
        <source>{0} camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="536"/>
        <source>Ảnh có toạ độ GPS ({0:.6f}, {1:.6f}). Dùng làm vị trí?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="548"/>
        <source>Ảnh được chụp cách vị trí đã ghi {0:.0f} m. Giữ vị trí đã ghi hay dùng vị trí của ảnh?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="560"/>
        <source>Ảnh có hướng la bàn {0:.0f}°. Dùng làm hướng nhìn của camera?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="578"/>
        <source>Dùng giá trị của ảnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="580"/>
        <source>Giữ nguyên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="41"/>
        <source>Tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="42"/>
        <source>Loại địa điểm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="43"/>
        <source>Địa chỉ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="44"/>
        <source>Vị trí (vĩ độ, kinh độ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="45"/>
        <source>Đơn vị quản lý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="46"/>
        <source>Đơn vị chủ quản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="47"/>
        <source>Ghi chú</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="48"/>
        <source>Mục đích sử dụng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="49"/>
        <source>Loại camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="50"/>
        <source>Kiểu lắp đặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="51"/>
        <source>Độ cao lắp (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="52"/>
        <source>Hướng nhìn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="53"/>
        <source>Độ phân giải (MP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="54"/>
        <source>Quan sát ban đêm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="55"/>
        <source>Kết nối</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="56"/>
        <source>Đường truyền</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="57"/>
        <source>Thời gian lưu trữ (ngày)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="58"/>
        <source>Chuẩn kết nối</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="59"/>
        <source>Nguồn điện</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="60"/>
        <source>Năm lắp đặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="61"/>
        <source>Nguồn kinh phí</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="62"/>
        <source>Chức năng AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="63"/>
        <source>Tình trạng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="64"/>
        <source>Mã hiệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="65"/>
        <source>Camera liên quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="66"/>
        <source>Loại tồn tại, hạn chế</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="67"/>
        <source>Mô tả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="68"/>
        <source>Hướng khắc phục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="69"/>
        <source>Giải pháp khắc phục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="70"/>
        <source>Kinh phí dự kiến (đồng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="71"/>
        <source>Số camera cần lắp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="72"/>
        <source>Mức ưu tiên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="73"/>
        <source>Lý do, căn cứ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="246"/>
        <source>Hướng (°, 0 = Bắc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="246"/>
        <source>Góc nhìn (°)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="246"/>
        <source>Góc nghiêng (°)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="252"/>
        <source>Thêm hướng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="254"/>
        <source>Xoá hướng</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="42"/>
        <source>Xuất gói đồng bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="56"/>
        <source>Chọn thư mục…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="61"/>
        <source>Gửi toàn bộ (kể cả những gì nơi nhận đã có)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="68"/>
        <source>Xuất gói</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="74"/>
        <source>Gửi cho</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="75"/>
        <source>Thư mục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="89"/>
        <source>Chưa có nơi nhận nào được đăng ký.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="96"/>
        <source>Sẽ gửi {0} thay đổi và {1} ảnh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="102"/>
        <source>Thư mục lưu gói</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="114"/>
        <source>Thư mục {0} không tồn tại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="131"/>
        <source>Đã ghi {0}: {1} thay đổi, {2} ảnh.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="151"/>
        <source>Nhập gói đồng bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="159"/>
        <source>Thêm gói…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="168"/>
        <source>Nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="183"/>
        <source>Chọn gói đồng bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="183"/>
        <source>Gói FieldSurvey (*.fspkg);;Tất cả (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="212"/>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="301"/>
        <source>đã nhập trước đây</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="214"/>
        <source>xem trước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="216"/>
        <source>đã nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="228"/>
        <source>TỪ CHỐI: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="279"/>
        <source>Đã tạo ảnh thu nhỏ cho {0} ảnh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="299"/>
        <source>không nhập (đã huỷ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="307"/>
        <source>{0}: {1} mới, {2} cập nhật, {3} xung đột, {4} xoá, {5} ảnh (gói {6})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="319"/>
        <source>{0}: TỪ CHỐI — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="322"/>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="139"/>
        <source>Tìm địa điểm, camera… (không cần dấu)  Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="152"/>
        <source>Tên địa điểm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="153"/>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="168"/>
        <source>Loại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="154"/>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="171"/>
        <source>Xã/phường</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="155"/>
        <source>Địa chỉ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="156"/>
        <source>Số camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="157"/>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="172"/>
        <source>Duyệt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="166"/>
        <source>Tên camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="167"/>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="178"/>
        <source>Địa điểm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="169"/>
        <source>Tình trạng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="170"/>
        <source>Chủ quản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="179"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="228"/>
        <source>Mọi loại địa điểm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="229"/>
        <source>Mọi tình trạng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="230"/>
        <source>Mọi mục đích</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="231"/>
        <source>Mọi trạng thái duyệt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="255"/>
        <source>Bản đồ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="259"/>
        <source>Chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="259"/>
        <source>Bấm vào camera để chọn nó</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="262"/>
        <source>Đặt vị trí</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="263"/>
        <source>Bấm lên bản đồ để đặt vị trí của bản ghi đang chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="267"/>
        <source>Hướng nhìn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="268"/>
        <source>Kéo trên bản đồ để đặt hướng nhìn của camera đang chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="281"/>
        <source>Màu theo tình trạng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="282"/>
        <source>Màu theo mục đích</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="288"/>
        <source>Thêm bản đồ nền (MBTiles)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="291"/>
        <source>Xuất bản đồ HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="293"/>
        <source>Lưu bản đồ các camera đang hiển thị thành một tệp HTML mở được không cần mạng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="297"/>
        <source>Bản đồ trực tuyến (OSM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="299"/>
        <source>Tải ảnh nền OpenStreetMap từ Internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="315"/>
        <source>&amp;Tệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="316"/>
        <source>Workspace &amp;mới…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="319"/>
        <source>&amp;Mở workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="322"/>
        <source>Mở &amp;gần đây</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="325"/>
        <source>Mở workspace &amp;mẫu (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="327"/>
        <source>&amp;Khôi phục workspace mẫu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="330"/>
        <source>&amp;Cài đặt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="332"/>
        <source>&amp;Thoát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="335"/>
        <source>&amp;Sửa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="336"/>
        <source>Hoàn tác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="338"/>
        <source>Làm lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="345"/>
        <source>&amp;Tìm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="348"/>
        <source>&amp;Bản ghi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="350"/>
        <source>Địa điểm &amp;mới…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="353"/>
        <source>&amp;Camera mới tại địa điểm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="359"/>
        <source>&amp;Tồn tại, hạn chế mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="366"/>
        <source>&amp;Nhu cầu lắp mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="371"/>
        <source>Bản ghi &amp;tiếp theo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="374"/>
        <source>Bản ghi t&amp;rước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="377"/>
        <source>&amp;Lưu và sang bản ghi tiếp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="380"/>
        <source>&amp;Xoá bản ghi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="382"/>
        <source>Đồ&amp;ng bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="384"/>
        <source>&amp;Xuất gói…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="387"/>
        <source>&amp;Nhập gói…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="390"/>
        <source>&amp;Các gói đã trao đổi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="402"/>
        <source>Mọi xã/phường</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="411"/>
        <source>văn phòng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="411"/>
        <source>khảo sát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="426"/>
        <source>Chưa có địa bàn được giao.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="437"/>
        <source> và {0} nơi khác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="439"/>
        <source>Địa bàn: {area} · hạn {due} · đã khảo sát {done}/{expected} địa điểm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="442"/>
        <source>QUÁ HẠN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="505"/>
        <source>{sites} địa điểm · {cameras} camera · {shortcomings} tồn tại · {needs} nhu cầu · hiển thị {shown_sites} địa điểm, {shown_cameras} camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="583"/>
        <source>Hãy chọn một địa điểm trước (hoặc thêm địa điểm mới).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="648"/>
        <source>Xoá bản ghi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="649"/>
        <source>Xoá bản ghi này? Có thể khôi phục từ lịch sử thay đổi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="675"/>
        <source>Đã lưu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="683"/>
        <source>Hãy chọn một địa điểm hoặc camera trước.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="693"/>
        <source>Hướng nhìn: {0:.0f}°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="704"/>
        <source>Bản đồ: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="710"/>
        <source>Thêm bản đồ nền</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="710"/>
        <source>MBTiles (*.mbtiles);;Tất cả (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="719"/>
        <source>Không dùng được bản đồ nền</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="722"/>
        <source>Đã thêm bản đồ nền {0} (mức thu phóng {1}–{2}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="732"/>
        <source>Xuất bản đồ HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="734"/>
        <source>Trang HTML (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="745"/>
        <source>Không xuất được bản đồ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="748"/>
        <source>Đã xuất {0} camera vào {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="773"/>
        <source>Mở workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="775"/>
        <source>Workspace FieldSurvey (*.sqlite *.db);;Tất cả (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="787"/>
        <source>(chưa có)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="795"/>
        <source>Không mở được workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="820"/>
        <source>Không tạo được workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="840"/>
        <source>Khôi phục workspace mẫu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="842"/>
        <source>Đưa workspace mẫu về trạng thái ban đầu? Mọi thay đổi trong workspace mẫu sẽ mất (các workspace khác không bị ảnh hưởng).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewSiteDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="35"/>
        <source>Địa điểm mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="54"/>
        <source>Tên địa điểm *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="55"/>
        <source>Loại địa điểm *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="56"/>
        <source>Vị trí (không bắt buộc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="64"/>
        <source>Hãy nhập tên địa điểm.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewWorkspaceDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="85"/>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="110"/>
        <source>Workspace mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="87"/>
        <source>Chọn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="93"/>
        <source>Cán bộ khảo sát (máy xách tay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="94"/>
        <source>Văn phòng tổng hợp (thành phố)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="96"/>
        <source>ví dụ: Nguyễn Văn A – Phường Hoàn Kiếm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="103"/>
        <source>Tệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="104"/>
        <source>Vai trò</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="105"/>
        <source>Tên máy / người dùng</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackagesDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="338"/>
        <source>Các gói đã trao đổi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="346"/>
        <source>Thời gian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="347"/>
        <source>Chiều</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="348"/>
        <source>Thiết bị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="349"/>
        <source>Thay đổi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="350"/>
        <source>Ảnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="351"/>
        <source>Tệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="352"/>
        <source>Mã gói</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="359"/>
        <source>nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="359"/>
        <source>gửi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="226"/>
        <source>Chưa có bản xem của ảnh này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="236"/>
        <source>hướng {0:.0f}°</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="68"/>
        <source>Kéo thả ảnh vào đây; nhấp đúp để xem ảnh lớn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="69"/>
        <source>Thêm ảnh…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="73"/>
        <source>Huỷ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="113"/>
        <source>Thêm ảnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="115"/>
        <source>Ảnh ({0});;Tất cả (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="137"/>
        <source>Không có tệp ảnh nào để thêm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="151"/>
        <source>Đang đọc {0} ảnh…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="175"/>
        <source>Không thêm được ảnh: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="183"/>
        <source>Đang huỷ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="198"/>
        <source>Đã thêm {0} ảnh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="200"/>
        <source>{0} mục không phải tệp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="202"/>
        <source>Không thêm được: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="121"/>
        <source>Cài đặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="133"/>
        <source>Tên người khảo sát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="134"/>
        <source>Ngôn ngữ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../src/fieldsurvey/app.py" line="41"/>
        <source>Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng.
Hãy bấm “Sao chép báo cáo” và gửi cho bộ phận hỗ trợ; chi tiết có trong tệp nhật ký.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/app.py" line="49"/>
        <source>Sao chép báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
