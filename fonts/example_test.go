package fonts_test

import (
	"fmt"

	"gongkai/fonts"
	"gongkai/fonts/wqymicrohei"
)

// Check a document's text against the font, then cut the subset to hand to
// the PDF library.
func Example() {
	face, err := wqymicrohei.Font()
	if err != nil {
		panic(err)
	}
	text := "表七 一般公共预算“三公”经费支出表 合计 12.50 𠀀"
	fmt.Println(face.Name())
	fmt.Printf("cannot show: %q\n", face.Missing(text))

	sub, err := face.Subset([]rune(text))
	if err != nil {
		panic(err)
	}
	cut, err := fonts.Parse(sub, 0)
	if err != nil {
		panic(err)
	}
	fmt.Println(cut.Has('经'), cut.Has('收'), len(sub) < 20000)
	// Output:
	// WenQuanYi Micro Hei
	// cannot show: ['𠀀']
	// true false true
}

func ExampleLoad() {
	_, err := fonts.Load("NotoSansCJK-Regular.otf", 0)
	fmt.Println(err != nil)
	// Output:
	// true
}
