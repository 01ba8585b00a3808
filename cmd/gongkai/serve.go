package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"gongkai/server"
)

type serveOptions struct {
	Addr           string
	Open           bool
	MaxConversions int
	MaxUploadMB    int64
	Load           string
	Ledger         *ledgerFlags
}

func serveCommand() *command {
	return &command{
		Name:    "serve",
		Usage:   "[--addr 127.0.0.1:8080] [--open] [--load FILE]",
		Short:   "网页版：在浏览器中上传、核对、预览和下载",
		ShortEN: "the web page, for staff who do not use a terminal: upload, check, preview, download",
		Long: `
Serve 启动网页版 gongkai，并打印网址。财务人员在浏览器中打开这个网址，上传一个部门的文件
（JSON 公开数据、公开表工作簿、预算明细，或已公开的文本、PDF、网页、Word 文件），就能看到
按严重程度分组的核对结果（每项写明表、行、列和涉及的数字），按正式格式预览公开表，并下载
Excel 工作簿、公开表 PDF、整份公开文件（PDF 和网页）和 JSON 数据；没有数据时可下载空白填报模板。
同一地址还提供 JSON 接口：POST /api/validate、POST /api/export?format=xlsx|pdf|doc|html|json
和 GET /api/template（见 docs/api.md）。

默认只在本机（127.0.0.1）监听；要让同一网络的其他电脑使用，用 --addr 指定地址，
例如 --addr 0.0.0.0:8080（请放在单位内网或代理之后）。上传的文件只在内存中处理，
不写入磁盘；结果保留一小时供下载。上传上限 20 MB，同时处理的文件数有上限，超过时
请稍后再试。按 Ctrl+C 或发送 SIGTERM 停止：正在处理的请求会先完成。

--catalog 给出本地区的功能科目目录（TSV：编码<TAB>名称），用于每个上传的文件：预算明细的科目
名称，以及核对时已知的编码（同 'gongkai validate --catalog'）。部门名称、年度等只属于预算明细的
参数不在这里给出，而在网页上随每个明细填写：明细没有写部门名称或年度时（CSV 明细通常如此），
页面会请用户填写部门名称、年度，以及可选的部门编码、地区、金额单位、上年数据、收入文件和说明文件，
含义与 build、export 的 --department、--year、--department-code、--region、--unit、--prior、--income、--texts 相同；
页面在核对结果之后列出 build 报告的舍入调整和提示。

不带任何参数、从文件管理器中启动 gongkai（例如在 Windows 中双击 gongkai.exe）时，
会自动启动网页版并用默认浏览器打开页面。`,
		LongEN: `
Serve starts the web page and prints its address. Staff open it in a browser, upload one
department's file (JSON, official workbook, ledger, or a published text, PDF, web page or
Word file), see the findings grouped by severity (table, row, column and numbers), preview
the tables in their official layout and download the workbook, the table PDF, the whole
document (PDF and web page) and the JSON, or the blank template. The same address serves a
JSON API: POST /api/validate, POST /api/export?format=xlsx|pdf|doc|html|json and GET
/api/template (docs/api.md).

It listens on 127.0.0.1 only unless --addr says otherwise. Uploads are kept in memory,
never on disk, and results are held for an hour for their downloads. Uploads are limited
to 20 MB and the conversions running at once are limited too (503 with Retry-After
beyond). Ctrl+C or SIGTERM stops it after the running requests finish.

--catalog, the region's function catalog, applies to every upload (a ledger's names, the
codes the checks know). The flags that only a ledger takes are not offered here but on the
page, with each ledger: a ledger without a department name or year (as CSV exports are) gets
a form for them and for the optional code, region, unit, last year's data, 收入 file and
texts file, meaning what --department, --year, --department-code, --region, --unit, --prior,
--income and --texts
mean to build and export; the result page lists build's rounding moves and notes.

Started with no arguments from a file manager (double-clicking gongkai.exe on Windows),
gongkai starts the web page and opens it in the default browser.`,
		Flags: func(fs *pflag.FlagSet) any {
			o := &serveOptions{}
			fs.StringVar(&o.Addr, "addr", "127.0.0.1:8080", "监听地址 host:port (address to listen on; port 0 picks a free one)")
			fs.BoolVar(&o.Open, "open", false, "启动后用默认浏览器打开页面 (open the page in the default browser)")
			fs.IntVar(&o.MaxConversions, "max-conversions", 0, "同时处理的文件数上限，0 为 CPU 数的两倍 (conversions at once; 0 = 2 × CPUs)")
			fs.Int64Var(&o.MaxUploadMB, "max-upload", 20, "上传文件大小上限，MB (largest upload, MB)")
			fs.StringVar(&o.Load, "load", "", "启动时先读取这个文件，并打印其结果页的网址 (load this file first and print its result page)")
			o.Ledger = addLedgerFlags(fs, everyUpload)
			return o
		},
		Run: runServe,
	}
}

func runServe(e env, opts any, args []string) int {
	o := opts.(*serveOptions)
	if len(args) != 0 {
		fmt.Fprintln(e.stderr, "用法 usage: gongkai serve [--addr 127.0.0.1:8080] [--open] [--load FILE]")
		return exitUsage
	}
	if o.MaxUploadMB <= 0 {
		fmt.Fprintln(e.stderr, "gongkai serve: --max-upload 应为正数 (must be positive)")
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	_, catalog, err := o.Ledger.options()
	if err != nil {
		fmt.Fprintf(e.stderr, "gongkai serve: %v\n", err)
		return exitUsage
	}
	h := server.New(server.Options{MaxConversions: o.MaxConversions, MaxUpload: o.MaxUploadMB << 20, Catalog: catalog})
	preloaded := ""
	if o.Load != "" {
		data, err := os.ReadFile(o.Load)
		if err == nil {
			preloaded, err = h.Preload(ctx, filepath.Base(o.Load), data)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "gongkai serve: %v\n", err)
			return exitUsage
		}
	}
	err = server.ListenAndServe(ctx, o.Addr, h, 30*time.Second, func(a net.Addr) {
		url := "http://" + browserHost(a) + "/"
		fmt.Fprintf(e.stdout, "gongkai 网页版已启动：%s （按 Ctrl+C 停止）\n", url)
		fmt.Fprintf(e.stdout, "gongkai web page: %s (Ctrl+C stops it)\n", url)
		if preloaded != "" {
			url += preloaded
			fmt.Fprintf(e.stdout, "%s 的核对结果 (result page)：%s\n", filepath.Base(o.Load), url)
		}
		if o.Open {
			if err := openBrowser(url); err != nil {
				fmt.Fprintf(e.stderr, "gongkai serve: 无法打开浏览器，请手动打开 %s (%v)\n", url, err)
			}
		}
	})
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(e.stderr, "gongkai serve: %v\n", err)
		return exitUsage
	}
	fmt.Fprintln(e.stdout, "gongkai 网页版已停止 (stopped)")
	return exitOK
}

// browserHost is the host:port to put in the printed URL: a wildcard
// address is shown as 127.0.0.1, which works on this machine.
func browserHost(a net.Addr) string {
	ta, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	ip := ta.IP
	if ip == nil || ip.IsUnspecified() {
		ip = net.IPv4(127, 0, 0, 1)
	}
	return net.JoinHostPort(ip.String(), fmt.Sprint(ta.Port))
}

// openBrowser opens url in the default browser without waiting for it.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

// startedFromFileManager reports whether gongkai was started without a
// terminal to type in: on Windows a console window of its own (double-click
// in Explorer), elsewhere a standard input that is not a terminal nor a pipe
// or file (a file manager gives /dev/null).
func startedFromFileManager() bool {
	return startedWithoutTerminal()
}

// doubleClickArgs are the arguments used when gongkai is started from a
// file manager: the web page on this machine, opened in the browser. Port
// 8080 is tried first; when it is taken, any free port.
func doubleClickArgs() []string {
	addr := "127.0.0.1:8080"
	if ln, err := net.Listen("tcp", addr); err == nil {
		ln.Close()
	} else {
		addr = "127.0.0.1:0"
	}
	return []string{"serve", "--open", "--addr", addr}
}
