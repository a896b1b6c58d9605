package ingest

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Encoding names reported in Document.Encoding.
const (
	encUTF8    = "utf-8"
	encGB18030 = "gb18030"
	encBig5    = "big5"
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
)

// commonHan holds the Han characters most frequent in government minutes,
// simplified (from the CCTV and Suzhou texts) then traditional (from the
// Taiwan and Hong Kong records). A legacy double-byte decoding that yields
// many of them is taken to be the right one.
var commonHan = func() map[rune]bool {
	const simplified = "" +
		"务会国议的要强全和持政院业开主进大实发工一加常作化中行展保李召力人新重推体视资建制部出改设生产定有动" +
		"等理是民项好对克施市提年服管各策高安关央地法点经能府频调合为企审区任方用支规成革金度了在性不通落消委" +
		"增决指平第案门机网事济研快促基三步费次效量面确长创公场上取措报社二融水家更构善医十品入目放分造以完究" +
		"过于质总批五局监标本优续育整防险求稳时深农责利系共领日升准草障治环署举坚期息抓税健联投程立多查商现级" +
		"境统营转导同位做结员群养告前权信应收众供月条向意老教形交技协护财下办学科范域明将与源到情小助党划问外" +
		"自播特减题内其风得组况单及食四把文并式闻扩件贯彻活海见态解试运药灾起紧精就专听城届战需个低原当极降执"
	const traditional = "" +
		"的員是會有政議不我委院一在人行案這以為長要提法們本之國主請對所出問大席年及個民時中就事他可題理部經府" +
		"來關能發多地如說現無意查到質於也成面業上照生學了陳過你詢建分局而公方應第其程因定工全家實作正當重但用" +
		"處立後此進文教沒和市下很見得與資十金然已修書條務制位都交加高動相決將函何明答前送內果並向等項由港外台" +
		"些否新特規三同麼任表度機自育復計開化做只產區通二元情策才管保或體算各合道期預論數間序言力最便心目改權" +
		"香好基次辦看樣設該報總至選費例日兩原告認展支濟審去今林統利則水未施更者知非天月入想財還再安九異代回求" +
		"四整常社調點性件黨甚使檢場針灣亦少解萬反司助研望那讓示清希推責舉單續即信專討擬億電受治名梁小運組冲持"
	m := make(map[rune]bool, len(simplified)/3+len(traditional)/3)
	for _, r := range simplified + traditional {
		m[r] = true
	}
	return m
}()

// decodeText detects the character encoding of data and returns its text in
// UTF-8 without a byte-order mark, with the name of the encoding. The
// encoding is detected, never assumed: a BOM, then the NUL pattern of
// UTF-16, then UTF-8 validity, then a strict GB18030 and Big5 decoding
// scored by how many common Han characters each yields. Bytes that are
// valid in none of them are an error naming the offset, never garbage.
func decodeText(data []byte) (text, enc string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		if i := invalidUTF8At(data); i >= 0 {
			return "", encUTF8, fmt.Errorf("invalid UTF-8 after a UTF-8 byte-order mark at offset %d", i+3)
		}
		return string(data), encUTF8, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		s, err := decodeUTF16(data[2:], false)
		return s, encUTF16LE, err
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s, err := decodeUTF16(data[2:], true)
		return s, encUTF16BE, err
	}
	if enc := utf16ByNULs(data); enc != "" {
		s, err := decodeUTF16(data, enc == encUTF16BE)
		return s, enc, err
	}
	if utf8.Valid(data) {
		if bytes.IndexByte(data, 0) >= 0 {
			return "", "", fmt.Errorf("binary data: NUL byte at offset %d: %w", bytes.IndexByte(data, 0), ErrUnsupported)
		}
		return string(data), encUTF8, nil
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", "", fmt.Errorf("binary data: NUL byte at offset %d: %w", i, ErrUnsupported)
	}
	gb, gbBad := decodeStrict(simplifiedchinese.GB18030, data)
	b5, b5Bad := decodeStrict(traditionalchinese.Big5, data)
	switch {
	case gbBad < 0 && b5Bad < 0:
		if hanScore(b5) > hanScore(gb) {
			return b5, encBig5, nil
		}
		return gb, encGB18030, nil
	case gbBad < 0:
		return gb, encGB18030, nil
	case b5Bad < 0:
		return b5, encBig5, nil
	}
	return "", "", fmt.Errorf("text is not valid UTF-8 (offset %d), GB18030 (offset %d) or Big5 (offset %d)",
		invalidUTF8At(data), gbBad, b5Bad)
}

// invalidUTF8At returns the offset of the first byte that is not valid
// UTF-8, or -1.
func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// utf16ByNULs recognises BOM-less UTF-16 text by its NUL bytes: mostly-ASCII
// UTF-16 has a zero in every other byte. It returns "" when the pattern is
// not there.
func utf16ByNULs(data []byte) string {
	n := min(len(data), 4096) &^ 1
	if n < 4 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*3 && even*20 <= pairs:
		return encUTF16LE
	case even*10 >= pairs*3 && odd*20 <= pairs:
		return encUTF16BE
	}
	return ""
}

// decodeUTF16 decodes UTF-16 without a BOM, rejecting a truncated code unit
// and unpaired surrogates.
func decodeUTF16(data []byte, bigEndian bool) (string, error) {
	if len(data)%2 != 0 {
		return "", fmt.Errorf("truncated UTF-16: odd length %d", len(data))
	}
	u := make([]uint16, len(data)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	for i := 0; i < len(u); i++ {
		switch {
		case utf16.IsSurrogate(rune(u[i])) && u[i] < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] < 0xE000:
			i++
		case utf16.IsSurrogate(rune(u[i])):
			return "", fmt.Errorf("invalid UTF-16: unpaired surrogate 0x%04X at offset %d", u[i], 2*i)
		case u[i] == 0:
			return "", fmt.Errorf("binary data: NUL character in UTF-16 at offset %d: %w", 2*i, ErrUnsupported)
		}
	}
	s := string(utf16.Decode(u))
	if len(s) >= 3 && s[:3] == "\uFEFF" {
		s = s[3:]
	}
	return s, nil
}

// decodeStrict decodes data with a legacy multi-byte encoding and returns
// the text and -1, or the offset of the first byte sequence the encoding
// cannot decode. The x/text decoders replace such sequences with U+FFFD,
// which these encodings cannot otherwise produce from non-UTF-8 input.
func decodeStrict(e encoding.Encoding, data []byte) (string, int) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", 0
	}
	s := string(out)
	i := bytes.Index(out, []byte("\uFFFD"))
	if i < 0 {
		return s, -1
	}
	// Find the source offset: re-encode the good prefix.
	prefix, err := e.NewEncoder().String(s[:i])
	if err != nil {
		return "", 0
	}
	return "", len(prefix)
}

// hanScore is the share of the non-ASCII characters of s that are common
// Han characters.
func hanScore(s string) float64 {
	var common, other int
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
		case commonHan[r]:
			common++
		case unicode.IsSpace(r) || unicode.IsPunct(r):
		default:
			other++
		}
	}
	if common+other == 0 {
		return 0
	}
	return float64(common) / float64(common+other)
}
