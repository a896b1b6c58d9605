package gen

import "math/rand/v2"

// Surnames in order of frequency, with weights roughly proportional to their
// share of the population (per mille).
var surnames = []struct {
	name   string
	weight int
}{
	{"王", 71}, {"李", 70}, {"张", 67}, {"刘", 54}, {"陈", 45}, {"杨", 31},
	{"黄", 22}, {"赵", 20}, {"吴", 19}, {"周", 19}, {"徐", 16}, {"孙", 15},
	{"马", 14}, {"朱", 13}, {"胡", 12}, {"郭", 11}, {"何", 11}, {"林", 10},
	{"高", 10}, {"罗", 9}, {"郑", 9}, {"梁", 8}, {"谢", 7}, {"宋", 7},
	{"唐", 7}, {"许", 7}, {"韩", 6}, {"冯", 6}, {"邓", 6}, {"曹", 6},
	{"彭", 6}, {"曾", 5}, {"肖", 5}, {"田", 5}, {"董", 5}, {"袁", 5},
	{"潘", 5}, {"于", 5}, {"蒋", 5}, {"蔡", 5}, {"余", 4}, {"杜", 4},
	{"叶", 4}, {"程", 4}, {"苏", 4}, {"魏", 4}, {"吕", 4}, {"丁", 4},
	{"任", 4}, {"沈", 4}, {"姚", 3}, {"卢", 3}, {"姜", 3}, {"崔", 3},
	{"钟", 3}, {"谭", 3}, {"陆", 3}, {"汪", 3}, {"范", 3}, {"金", 3},
	{"石", 3}, {"廖", 3}, {"贾", 3}, {"夏", 3}, {"韦", 2}, {"付", 2},
	{"方", 2}, {"白", 2}, {"邹", 2}, {"孟", 2}, {"熊", 2}, {"秦", 2},
	{"邱", 2}, {"江", 2}, {"尹", 2}, {"薛", 2}, {"段", 2}, {"雷", 2},
	{"侯", 2}, {"龙", 2}, {"史", 2}, {"陶", 2}, {"黎", 2}, {"贺", 2},
	{"顾", 2}, {"毛", 2}, {"郝", 2}, {"龚", 2}, {"邵", 2}, {"万", 2},
	{"钱", 2}, {"严", 2}, {"覃", 1}, {"武", 1}, {"戴", 1}, {"莫", 1},
	{"孔", 1}, {"向", 1}, {"汤", 1}, {"欧阳", 1}, {"诸葛", 1},
}

// givenChars are characters common in the given names of officials born in
// the 1960s and 1970s, most common first.
var givenChars = []rune("" +
	"伟华明建国军平志东海强文林宏斌春晓红杰涛勇峰辉刚新立永德胜金荣" +
	"清光俊波浩宁亮锋雷鹏飞洪庆忠民祥中云宝松成江敏静芳丽燕萍玲霞英" +
	"兰秀慧娟青岩鑫振良彬坤昌杨剑凯龙超琳健斌卫兵顺安学生朝阳瑞家宇")

var surnameTotal = func() int {
	t := 0
	for _, s := range surnames {
		t += s.weight
	}
	return t
}()

// personName draws a surname by frequency and a one- or two-character given
// name whose characters are drawn Zipf-like from givenChars.
func personName(r *rand.Rand) string {
	x := r.IntN(surnameTotal)
	var sur string
	for _, s := range surnames {
		if x < s.weight {
			sur = s.name
			break
		}
		x -= s.weight
	}
	given := []rune{givenChar(r)}
	if r.IntN(10) < 7 {
		given = append(given, givenChar(r))
	}
	return sur + string(given)
}

func givenChar(r *rand.Rand) rune {
	// The minimum of two uniform draws favours the front of the list.
	i := min(r.IntN(len(givenChars)), r.IntN(len(givenChars)))
	return givenChars[i]
}

// distinctNames draws n different names, none of them in taken; it adds
// the new names to taken.
func distinctNames(r *rand.Rand, n int, taken map[string]bool) []string {
	out := make([]string, 0, n)
	for len(out) < n {
		nm := personName(r)
		if taken[nm] {
			continue
		}
		taken[nm] = true
		out = append(out, nm)
	}
	return out
}

// An issuerSpec is a government that issues minutes: a city (市) or a
// province (省).
type issuerSpec struct {
	place    string // 苏州, 江苏
	province bool
	weight   int // relative number of documents
}

// issuerSpecs are real cities and provinces; Weight makes a few publish more
// than the rest.
var issuerSpecs = func() []issuerSpec {
	cities := []string{
		"北京", "上海", "天津", "重庆", "广州", "深圳", "成都", "杭州",
		"武汉", "西安", "南京", "苏州", "郑州", "长沙", "青岛", "沈阳",
		"大连", "宁波", "厦门", "福州", "济南", "合肥", "昆明", "南宁",
		"贵阳", "南昌", "太原", "石家庄", "哈尔滨", "长春", "呼和浩特", "兰州",
		"西宁", "银川", "乌鲁木齐", "海口", "无锡", "常州", "南通", "徐州",
		"扬州", "温州", "嘉兴", "绍兴", "金华", "台州", "佛山", "东莞",
		"珠海", "中山", "惠州", "泉州", "烟台", "潍坊", "临沂", "洛阳",
		"襄阳", "宜昌", "株洲", "绵阳", "遵义", "柳州", "桂林", "赣州",
		"芜湖", "包头", "唐山", "保定",
	}
	provinces := []string{"江苏", "浙江", "广东", "山东", "四川", "河南", "湖北", "福建"}
	var out []issuerSpec
	for i, c := range cities {
		out = append(out, issuerSpec{place: c, weight: 12 - min(i/8, 9)})
	}
	for _, p := range provinces {
		out = append(out, issuerSpec{place: p, province: true, weight: 3})
	}
	return out
}()

// level is 市 or 省.
func (s issuerSpec) level() string {
	if s.province {
		return "省"
	}
	return "市"
}

// Name is the issuing body: 苏州市人民政府.
func (s issuerSpec) name() string { return s.place + s.level() + "人民政府" }

// A department of a local government, as a city and as a province names it.
// An empty province name means provinces have no such department.
type department struct {
	city, province string
}

// departments in the order the attendance lists give them.
var departments = []department{
	{"市发改委", "省发展改革委"},
	{"市教育局", "省教育厅"},
	{"市科技局", "省科技厅"},
	{"市工信局", "省工业和信息化厅"},
	{"市民宗局", "省民族宗教委"},
	{"市公安局", "省公安厅"},
	{"市民政局", "省民政厅"},
	{"市司法局", "省司法厅"},
	{"市财政局", "省财政厅"},
	{"市人社局", "省人力资源社会保障厅"},
	{"市自然资源和规划局", "省自然资源厅"},
	{"市生态环境局", "省生态环境厅"},
	{"市住建局", "省住房城乡建设厅"},
	{"市园林绿化局", ""},
	{"市城管局", ""},
	{"市交通局", "省交通运输厅"},
	{"市水务局", "省水利厅"},
	{"市农业农村局", "省农业农村厅"},
	{"市商务局", "省商务厅"},
	{"市文广旅局", "省文化和旅游厅"},
	{"市卫生健康委", "省卫生健康委"},
	{"市退役军人局", "省退役军人事务厅"},
	{"市应急局", "省应急管理厅"},
	{"市审计局", "省审计厅"},
	{"市外办", "省外办"},
	{"市国资委", "省国资委"},
	{"市政府研究室", "省政府研究室"},
	{"市市场监管局", "省市场监管局"},
	{"市体育局", "省体育局"},
	{"市统计局", "省统计局"},
	{"市医保局", "省医保局"},
	{"市林业局", "省林业局"},
	{"市机关事务管理局", "省机关事务管理局"},
	{"市数据局", "省数据局"},
	{"市信访局", "省信访局"},
	{"市金融监管局", "省地方金融监管局"},
	{"市行政审批局", ""},
	{"市人防办", "省人防办"},
	{"市粮食和储备局", "省粮食和物资储备局"},
	{"市住房公积金管理中心", ""},
}

// Department keys used by the topic tables (index into departments).
const (
	dFGW = iota
	dJY
	dKJ
	dGX
	dMZ
	dGA
	dMZJ
	dSF
	dCZ
	dRS
	dZR
	dST
	dZJ
	dYL
	dCG
	dJT
	dSW
	dNY
	dSWJ
	dWL
	dWJ
	dVET
	dYJ
	dSJ
	dWB
	dGZ
	dYJS
	dSC
	dSPORT
	dTJ
	dYB
	dLY
	dJG
	dSJJ
	dXF
	dJR
	dXZ
	dRF
	dLS
	dGJJ
)

// deptName is the department's name under issuer s, falling back to a
// department that exists when the province has no such one.
func (s issuerSpec) deptName(d int) string {
	if !s.province {
		return departments[d].city
	}
	if n := departments[d].province; n != "" {
		return n
	}
	switch d {
	case dYL, dCG, dGJJ:
		return departments[dZJ].province
	default:
		return departments[dFGW].province
	}
}

// deptIndex maps a department key to the one the issuer really has (see
// deptName).
func (s issuerSpec) deptIndex(d int) int {
	if !s.province || departments[d].province != "" {
		return d
	}
	switch d {
	case dYL, dCG, dGJJ:
		return dZJ
	default:
		return dFGW
	}
}

// Party bodies that sit in on government meetings, before the departments.
var partyOrgs = []string{"纪委监委", "委组织部", "委宣传部", "委网信办", "委编办"}

// Bodies after the departments; %s is the place (苏州), a leading 市 or 省
// is replaced by the issuer's level.
var otherOrgs = []string{
	"%s日报报业集团", "市广电总台", "%s文旅集团", "%s城投公司", "%s水务集团",
	"%s交投集团", "市保障房公司", "市气象局", "市税务局", "市消防救援支队",
	"人行%s中支", "%s高新区", "%s经开区",
}

// Generic county-level names for city attendance lists.
var districts = []string{
	"城关区", "鼓楼区", "新城区", "城东区", "城西区", "城南区", "城北区", "高新区",
	"经开区", "新区", "江北区", "江南区", "湖滨区", "滨海新区", "港区", "开发区",
}
