"""Evidence files (佐证材料 / 形象进度 photos) attached to records (issue #18): what a file is
(sniff.py, by content), images' thumbnails and 拍摄日期 (images.py), and attaching, listing and
saving out (attach.py). The bytes live in the portfolio's `blobs` table (db/store/blobs.py)."""
