"""Bad input gets one clear line naming the file; good files around it still come out."""

import json

from typer.testing import CliRunner

from briefing.cli import app
from briefing.ingest.read import load
from conftest import seed

runner = CliRunner()


def summarize(*paths, fmt="json"):
    return runner.invoke(app, ["summarize", *map(str, paths), "--format", fmt, "-n", "2"])


def one_line_error(result, path, words):
    lines = [ln for ln in result.stderr.splitlines() if str(path) in ln]
    assert len(lines) == 1, result.stderr
    assert words in lines[0]
    return lines[0]


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = summarize(path)
    assert result.exit_code == 1
    one_line_error(result, path, "empty file")


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    result = summarize(path)
    assert result.exit_code == 1
    one_line_error(result, path, "binary file")


def test_undecodable_file(tmp_path):
    path = tmp_path / "shift_jis.txt"
    path.write_bytes("東京都の経済会議は二〇二四年の目標を決めました。".encode("shift_jis"))
    result = summarize(path)
    assert result.exit_code == 1
    one_line_error(result, path, "not UTF-8, UTF-16 or Windows-1258")


def test_only_captions(tmp_path):
    path = tmp_path / "captions.txt"
    path.write_text("Toàn cảnh hội nghị tại điểm cầu huyện Mường Lát.\n\n(Ảnh: VGP)\n\nMinh Hiếu\n", "utf-8")
    result = summarize(path)
    assert result.exit_code == 1
    one_line_error(result, path, "no article text")


def test_missing_path(tmp_path):
    path = tmp_path / "nowhere.txt"
    result = summarize(path)
    assert result.exit_code == 1
    one_line_error(result, path, "no such file or folder")


def test_a_bad_file_in_a_folder_is_skipped_and_reported(tmp_path):
    (tmp_path / "a.txt").write_text(seed("004").read_text("utf-8"), "utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.md").write_text(seed("003").read_text("utf-8"), "utf-8")
    (tmp_path / ".hidden.txt").write_text(seed("000").read_text("utf-8"), "utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = summarize(tmp_path)
    assert result.exit_code == 1
    one_line_error(result, tmp_path / "b.txt", "binary file")
    sources = [m["source"] for m in json.loads(result.stdout)["meetings"]]
    assert sorted(sources) == [str(tmp_path / "a.txt"), str(tmp_path / "c.md")]


def test_five_megabyte_article(tmp_path):
    paragraphs = seed("004").read_text("utf-8").split("\n\n")[1:]
    chunks, size, n = [seed("004").read_text("utf-8").split("\n\n")[0]], 0, 0
    while size < 5 * 1024 * 1024:
        paragraph = f"{paragraphs[n % len(paragraphs)]} (đoạn {n})"
        chunks.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
        n += 1
    path = tmp_path / "huge.txt"
    path.write_text("\n\n".join(chunks), "utf-8")
    result = summarize(path)
    assert result.exit_code == 0, result.stderr
    meeting = json.loads(result.stdout)["meetings"][0]
    assert len(meeting["summary"]) == 2
    assert meeting["sentences_in_article"] > 10_000


def test_too_large_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "giant.txt"
    with open(path, "wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    result = summarize(path)
    assert result.exit_code == 1
    one_line_error(result, path, "file too large")


def test_folder_of_ten_thousand_small_files(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text(
            f"Tin số {i}\n\nNăm 2024, tỉnh phấn đấu tăng trưởng {i % 9},5%. Thu ngân sách đạt {i} tỷ đồng.\n", "utf-8"
        )
    items = list(load([str(folder)]))
    assert len(items) == 10_000
    assert items[0].title == "Tin số 0" and items[-1].title == "Tin số 9999"
    result = summarize(folder, fmt="text")
    assert result.exit_code == 0
    assert result.stdout.count("Tin số ") == 10_000


def test_empty_folder(tmp_path):
    result = summarize(tmp_path)
    assert result.exit_code == 1
    one_line_error(result, tmp_path, "no article files")


def test_failed_output_keeps_the_earlier_file(tmp_path, monkeypatch):
    out = tmp_path / "out.json"
    out.write_text("earlier", "utf-8")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", broken_fsync)
    result = runner.invoke(app, ["summarize", str(seed("004")), "--format", "json", "--output", str(out)])
    assert result.exit_code == 1
    one_line_error(result, out, "No space left on device")
    assert out.read_text("utf-8") == "earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
