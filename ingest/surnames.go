package ingest

import (
	"strings"
	"unicode/utf8"
)

// surnames are the common Chinese surnames, simplified, with the compound
// ones; the list covers well over 95% of the population.
const surnames = "康赖易容岑缪蒲芮储邝王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫严段雷侯龙史陶黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢骆岳齐沙梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧解强丛华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来嵺苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僖桑荆谌银扬明沈揭伊宿鹿戈厉粟阙麦居晁仇文和平荣鄂阎佘娄习覃桑门巴谷晏展海洛帅楼农闻阚祖蔺权索仝怀"

var compoundSurnames = []string{"欧阳", "司马", "诸葛", "上官", "东方", "夏侯", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "澹台", "南宫", "端木", "独孤", "范姜", "张简"}

// isSurname reports whether the folded s is a surname.
func isSurname(s string) bool {
	switch utf8.RuneCountInString(s) {
	case 1:
		r, _ := utf8.DecodeRuneInString(s)
		return isSurnameRune(r)
	case 2:
		for _, c := range compoundSurnames {
			if c == s {
				return true
			}
		}
	}
	return false
}

// isSurnameRune reports whether the folded r is a one-character surname.
func isSurnameRune(r rune) bool {
	if r >= 0x4E00 && r < 0xA000 {
		return surnameDense[r-0x4E00]
	}
	return strings.ContainsRune(surnames, r)
}

// surnameDense is surnames as a set over the common ideographs.
var surnameDense = func() *[0xA000 - 0x4E00]bool {
	var t [0xA000 - 0x4E00]bool
	for _, r := range surnames {
		if r >= 0x4E00 && r < 0xA000 {
			t[r-0x4E00] = true
		}
	}
	return &t
}()

// isCompoundSurname reports whether the folded runes a, b are a compound
// surname (欧阳).
func isCompoundSurname(a, b rune) bool {
	for _, c := range compoundRunes {
		if c[0] == a && c[1] == b {
			return true
		}
	}
	return false
}

// compoundRunes holds the first two runes of each compound surname.
var compoundRunes = func() [][2]rune {
	var out [][2]rune
	for _, c := range compoundSurnames {
		rs := []rune(c)
		out = append(out, [2]rune{rs[0], rs[1]})
	}
	return out
}()
