package org.hotline.search.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The department report as a table for Excel: CSV in UTF-8 with a BOM (so Excel reads Chinese), or XLSX. */
public final class ReportExport {

    static final List<String> HEADERS = List.of("单位", "单位名称", "工单数", "及时签收率", "响应率", "按时办结率", "解决率",
            "满意率", "退单次数", "延期次数", "超期件数", "平均办理时长(小时)", "一次满意率",
            "协办件数", "协办签收及时率", "协办意见及时率");

    private ReportExport() {
    }

    public static List<List<Object>> rows(List<DepartmentRow> report, Function<String, String> names) {
        var rows = new ArrayList<List<Object>>();
        for (DepartmentRow r : report) {
            var c = r.counts();
            rows.add(java.util.Arrays.asList(r.department(), names.apply(r.department()), c.tickets(),
                    r.onTimeSignRate(), r.responseRate(), r.onTimeCompletionRate(), r.resolutionRate(),
                    r.satisfactionRate(), c.returns(), c.extensions(), c.overdue(), r.averageHandlingHours(),
                    r.firstSatisfactionRate(), r.assisting() == null ? 0L : r.assisting().counts().parts(),
                    r.assisting() == null ? null : r.assisting().onTimeSignRate(),
                    r.assisting() == null ? null : r.assisting().onTimeOpinionRate()));
        }
        return rows;
    }

    public static byte[] csv(List<List<Object>> rows) {
        var out = new StringBuilder("\uFEFF");
        out.append(String.join(",", HEADERS)).append("\r\n");
        for (List<Object> row : rows) {
            var cells = new ArrayList<String>();
            row.forEach(cell -> cells.add(csvCell(cell)));
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(List<List<Object>> rows) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("单位考核");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(HEADERS.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> cells = rows.get(r);
                for (int i = 0; i < cells.size(); i++) {
                    Object cell = cells.get(i);
                    if (cell instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (cell != null) {
                        row.createCell(i).setCellValue(cell.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quotes cells and defuses formulas (a cell starting with = + - @ would run in Excel). */
    private static String csvCell(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell.toString();
        if (!(cell instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
