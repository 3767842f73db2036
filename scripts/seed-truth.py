#!/usr/bin/env python3
"""Writes fixtures/golden/seed_figures.tsv: the figures of the five seed documents as a
person reads them, independent of the C++ pipeline.

Tables of seeds 003 and 004 are read here with column maps written by hand from each
table's printed header (line ranges and column positions below were checked against the
seed text); narrative metrics of all five seeds were read sentence by sentence and are
listed literally. tests/golden/seed_figures_test.cc requires the pipeline to produce
exactly this multiset of (table_kind, row_code, column, amount_yuan) per source and kind.

Run: python3 scripts/seed-truth.py > fixtures/golden/seed_figures.tsv, then review the diff.
"""
import os
import re
import sys
from decimal import Decimal

def lines_of(path):
    return open(path, encoding='utf-8').read().split('\n')

def amount(text, unit):
    t = text.strip().replace(',', '')
    if t in ('', '-', '—', '/'):
        return None
    if not re.fullmatch(r'-?\d+(\.\d+)?', t):
        return None
    v = Decimal(t) * (10000 if unit == 'wan' else 1)
    return f'{v:.2f}'

INCOME = {
 '一般公共预算财政拨款收入':'income.general_budget_appropriation','政府性基金预算财政拨款收入':'income.gov_fund_appropriation',
 '国有资本经营预算财政拨款收入':'income.state_capital_appropriation','上级补助收入':'income.upper_subsidy','事业收入':'income.business',
 '经营收入':'income.operating','附属单位上缴收入':'income.affiliated_remittance','其他收入':'income.other',
 '本年收入合计':'income.total_current_year','使用非财政拨款结余':'income.use_of_non_fiscal_balance',
 '年初结转和结余':'income.opening_carryover','总计':'income.grand_total',
 '一般公共预算财政拨款':'income.general_budget_appropriation','政府性基金预算财政拨款':'income.gov_fund_appropriation',
 '国有资本经营预算财政拨款':'income.state_capital_appropriation','年初财政拨款结转和结余':'income.opening_carryover',
}
CLASSES = {'一般公共服务支出':'201','外交支出':'202','国防支出':'203','公共安全支出':'204','教育支出':'205','科学技术支出':'206',
 '文化旅游体育与传媒支出':'207','社会保障和就业支出':'208','社会保险基金支出':'209','卫生健康支出':'210','节能环保支出':'211',
 '城乡社区支出':'212','农林水支出':'213','交通运输支出':'214','资源勘探工业信息等支出':'215','商业服务业等支出':'216','金融支出':'217',
 '援助其他地区支出':'219','自然资源海洋气象等支出':'220','住房保障支出':'221','粮油物资储备支出':'222','国有资本经营预算支出':'223',
 '灾害防治及应急管理支出':'224','预备费':'227','其他支出':'229','转移性支出':'230','债务还本支出':'231','债务付息支出':'232',
 '债务发行费用支出':'233','抗疫特别国债安排的支出':'234'}
EXP = {'本年支出合计':'expenditure.total_current_year','结余分配':'expenditure.surplus_distribution','年末结转和结余':'expenditure.closing_carryover',
 '总计':'expenditure.grand_total','年末财政拨款结转和结余':'expenditure.closing_carryover','支出总计':'expenditure.grand_total'}

def strip_ord(name):
    name = re.sub(r'\s', '', name)
    name = re.sub(r'^[一二三四五六七八九十]+、', '', name)
    name = re.sub(r'^\d+[.．、]', '', name)
    name = re.sub(r'^[（(][一二三四五六七八九十\d]+[)）]', '', name)
    return name

out = []
def emit(kind, code, col, text, unit, name):
    a = amount(text, unit)
    if a is not None:
        out.append((kind, code, col, a, name))

def rows(L, a, b):
    return [l.split('\t') for l in L[a-1:b]]

def cell(r, i):
    return r[i] if i < len(r) else ''

def coded(L, kind, a, b, unit, codecols, namecol, cols, total_names=('合计','总计')):
    """rows a..b (1-based, inclusive) of a coded table; codecols: one col holding full code, or (c,k,x) split."""
    last = {}
    for r in rows(L, a, b):
        name = cell(r, namecol).strip()
        if len(codecols) == 1:
            code = cell(r, codecols[0]).strip()
        else:
            c, k, x = [cell(r, i).strip() for i in codecols]
            code = c + k + x if c else ''
        if code and not code.isdigit():
            name, code = code, ''
        if not code:
            if re.sub(r'\s','',name) in total_names:
                code = 'total'
            else:
                continue
        for i, key in cols.items():
            emit(kind, code, key, cell(r, i), unit, name)

def summary(L, kind, a, b, unit, left, right):
    """left=(namecol, {amountcol:key}), right=(namecol, {amountcol:key}) per row."""
    opening = False
    for r in rows(L, a, b):
        n = strip_ord(cell(r, left[0]))
        if n:
            key = INCOME.get(n)
            if n in ('年初结转和结余','年初财政拨款结转和结余'): opening = True
            elif opening and key and key.endswith('_appropriation'):
                key = 'income.opening_carryover.' + key[len('income.'):-len('_appropriation')]
            if key is None: key = '?' + n
            for i, k in left[1].items(): emit(kind, key, k, cell(r, i), unit, n)
        n = strip_ord(cell(r, right[0]))
        if n:
            key = EXP.get(n) or ('expenditure.' + CLASSES[n] if n in CLASSES else '?' + n)
            for i, k in right[1].items(): emit(kind, key, k, cell(r, i), unit, n)

def read_tables(seed):
    """Expected table figures of seed 003 or 004, read with hand-written column maps."""
    global out
    out = []
    L = lines_of(seed)
    if '003_' in seed:
        y = 'yuan'
        summary(L, 'final.income_expenditure_summary', 13, 42, y, (0, {2:'amount'}), (3, {5:'amount'}))
        coded(L, 'final.income', 58, 74, y, [0], 3, {4:'total',5:'fiscal_appropriation',6:'upper_subsidy',7:'business',8:'business.of_which',9:'operating',10:'affiliated_remittance',11:'other'})
        coded(L, 'final.expenditure', 88, 104, y, [0], 2, {3:'total',4:'basic',5:'project',6:'upper_remittance',7:'operating',8:'affiliate_subsidy'})
        summary(L, 'final.fiscal_appropriation_summary', 118, 149, y, (0, {2:'amount'}), (3, {5:'total',6:'general_budget',7:'gov_fund',8:'state_capital'}))
        coded(L, 'final.general_budget_expenditure', 164, 180, y, [0], 2, {3:'opening.total',4:'opening.basic',5:'opening.project',6:'income.total',7:'income.basic',8:'income.project',9:'expenditure.total',10:'expenditure.basic',11:'expenditure.personnel',12:'expenditure.public',13:'expenditure.project',14:'closing.total',15:'closing.basic',16:'closing.project',17:'closing.project_carryover',18:'closing.project_surplus'})
        for seg in ((0,1,2),(3,4,5),(6,7,8)):
            coded(L, 'final.general_budget_basic_expenditure', 193, 225, y, [seg[0]], seg[1], {seg[2]:'amount'}, total_names=())
        for seg in ((0,1,2),(3,4,5),(6,7,8),(9,10,11)):
            coded(L, 'final.general_budget_project_expenditure', 239, 271, y, [seg[0]], seg[1], {seg[2]:'amount'}, total_names=())
        out.append(('final.general_budget_basic_expenditure','personnel_total','amount','3408469.70','人员经费合计'))
        out.append(('final.general_budget_basic_expenditure','public_total','amount','740081.10','公用经费合计'))
        out.append(('final.general_budget_project_expenditure','personnel_total','amount','500.00','人员经费合计'))
        out.append(('final.general_budget_project_expenditure','public_total','amount','815122.25','公用经费合计'))
        TP = {'（一）支出合计':'three_public.total','1. 因公出国（境）费':'three_public.overseas','2. 公务用车购置及运行维护费':'three_public.vehicle_total',
              '（1）公务用车购置费':'three_public.vehicle_purchase','（2）公务用车运行维护费':'three_public.vehicle_operation','3. 公务接待费':'three_public.reception',
              '（1）国内接待费':'three_public.reception_domestic','其中：外事接待费':'three_public.reception_foreign_affairs','（2）国（境）外接待费':'three_public.reception_overseas',
              '<b>二、机关运行经费</b>':'org_running_cost','（一）行政单位':'org_running_cost.administrative','（二）参照公务员法管理事业单位':'org_running_cost.civil_service_managed'}
        for r in rows(L, 318, 342):
            k = TP.get(cell(r,0).strip())
            if k:
                for i, col in {2:'budget',3:'adjusted_budget',4:'final'}.items(): emit('final.three_public', k, col, cell(r,i), y, cell(r,0))
        for r in rows(L, 359, 359):
            for i, col in {2:'total_assets',3:'current_assets',4:'fixed_assets',5:'fixed_assets.buildings',6:'fixed_assets.vehicles',7:'fixed_assets.large_equipment',8:'fixed_assets.other',9:'investments',10:'construction_in_progress',11:'intangible_assets',12:'other_assets'}.items():
                emit('final.state_assets','total',col,cell(r,i),y,'合计')
    else:
        w = 'wan'
        INC004 = {'一、本年收入':'income.total_current_year','1. 一般公共预算拨款':'income.general_budget_appropriation',
          '其中：一般财力':'income.general_budget_own_revenue','上级一般公共预算安排转移支付':'income.general_budget_upper_transfer',
          '2. 政府性基金预算拨款':'income.gov_fund_appropriation','其中：政府性基金收入':'income.gov_fund_own_revenue',
          '上级政府性基金安排转移支付':'income.gov_fund_upper_transfer','3. 国有资本经营预算拨款':'income.state_capital_appropriation',
          '其中：国有资本经营收入':'income.state_capital_own_revenue','上级国有资本经营预算安排转移支付':'income.state_capital_upper_transfer',
          '4. 财政专户核拨':'income.fiscal_special_account','5. 单位资金':'income.unit_funds','其中：事业收入':'income.business',
          '上级补助收入':'income.upper_subsidy','附属单位上缴收入':'income.affiliated_remittance','事业单位经营收入':'income.operating',
          '其他收入':'income.other','二、上年结转结余':'income.opening_carryover','1. 财政拨款结转':'income.opening_carryover.fiscal_appropriation',
          '其中：一般公共预算拨款':'income.opening_carryover.general_budget','政府性基金预算拨款':'income.opening_carryover.gov_fund',
          '国有资本经营预算拨款':'income.opening_carryover.state_capital','2. 非财政拨款结转结余':'income.opening_carryover.non_fiscal',
          '其中：财政专户核拨':'income.opening_carryover.fiscal_special_account','单位资金':'income.opening_carryover.unit_funds',
          '收入总计':'income.grand_total','一、财政拨款（补助）':'income.fiscal_appropriation','一般公共预算':'income.general_budget_appropriation',
          '政府性基金预算':'income.gov_fund_appropriation','国有资本经营预算':'income.state_capital_appropriation'}
        def right(kind, r, cols, name_col):
            n = cell(r, name_col).strip()
            if not n: return
            m = re.match(r'^(\d{3}) ', n)
            key = 'expenditure.' + m.group(1) if m else {'支出总计':'expenditure.grand_total'}[n]
            for i, col in cols.items(): emit(kind, key, col, cell(r, i), w, n)
        for r in rows(L, 95, 125):
            n = cell(r,0).strip()
            if n: 
                for i in (1,): emit('budget.income_expenditure_summary', INC004[n], 'amount', cell(r,i), w, n)
            right('budget.income_expenditure_summary', r, {3:'amount'}, 2)
        for r in rows(L, 225, 255):
            n = cell(r,0).strip()
            if n: emit('budget.fiscal_appropriation_summary', INC004[n], 'amount', cell(r,1), w, n)
            right('budget.fiscal_appropriation_summary', r, {3:'total',4:'general_budget',5:'gov_fund',6:'state_capital'}, 2)
        INCOME_COLS = {4:'total',5:'fiscal_appropriation',6:'general_budget',7:'general_budget_upper_transfer',8:'gov_fund',9:'gov_fund_upper_transfer',
                       10:'state_capital',11:'state_capital_upper_transfer',12:'fiscal_special_account',13:'unit_funds',14:'carryover',15:'non_fiscal_carryover'}
        coded(L, 'budget.income', 138, 173, w, [0,1,2], 3, INCOME_COLS)
        coded(L, 'budget.expenditure', 187, 213, w, [0,1,2], 3, {4:'total',5:'basic',6:'project'})
        coded(L, 'budget.general_budget_expenditure', 269, 295, w, [0,1,2], 3, {4:'total',5:'basic',6:'project'})
        for r in rows(L, 308, 336):
            c, k = cell(r,0).strip(), cell(r,1).strip()
            code = c + k if c else 'total'
            for i, col in {3:'basic',4:'personnel',5:'public'}.items(): emit('budget.general_budget_basic_expenditure', code, col, cell(r,i), w, cell(r,2))
        PROJ = {5:'project',6:'economic.301',7:'economic.302',8:'economic.303',9:'economic.307',10:'economic.309',11:'economic.310',12:'economic.311',13:'economic.312',14:'economic.313',15:'economic.399'}
        for a, b in ((349, 362), (370, 377)):
            for r in rows(L, a, b):
                c, k, x = cell(r,0).strip(), cell(r,1).strip(), cell(r,2).strip()
                name = cell(r,3).strip()
                code = c + k + x if c else ('total' if name == '总计' else '')
                for i, col in PROJ.items(): emit('budget.general_budget_project_expenditure', code, col, cell(r,i), w, name)
        TP4 = {'合计':'three_public.total','因公出国（境）费':'three_public.overseas','公务接待费':'three_public.reception',
               '公务用车购置及运行费（小计）':'three_public.vehicle_total','其中：公务用车购置费':'three_public.vehicle_purchase','公务用车运行费':'three_public.vehicle_operation'}
        for r in rows(L, 420, 425):
            for i, col in {1:'total',2:'general_budget',3:'gov_fund',4:'state_capital'}.items(): emit('budget.three_public', TP4[cell(r,0).strip()], col, cell(r,i), w, cell(r,0))
        CARRY = {1:'total',2:'fiscal_appropriation.total',3:'fiscal_appropriation.personnel',4:'fiscal_appropriation.public',5:'fiscal_appropriation.project',
                 6:'non_fiscal.total',7:'non_fiscal.personnel',8:'non_fiscal.public',9:'non_fiscal.project'}
        for r in rows(L, 439, 442):
            name = cell(r,0).strip()
            code = 'total' if name == '总计' else ''
            for i, col in CARRY.items(): emit('budget.carryover', code, col, cell(r,i), w, name)
    return out


# Narrative metrics, read from the sentences (amounts converted to yuan by hand).
NARRATIVE = {
    '000_28c5b8c0e71a2a67.txt': [
        ('total_income', '79795500.00', '本年收入7,979.55万元'),
        ('total_expenditure', '19315700.00', '本年支出1,931.57万元'),
        ('fiscal_appropriation_income', '78294500.00', '财政拨款收入7,829.45万元'),
        ('fiscal_appropriation_expenditure', '17815700.00', '财政拨款支出1,781.57万元'),
        ('basic_expenditure', '11837700.00', '基本支出1,183.77万元'),
        ('project_expenditure', '7478000.00', '项目支出747.80万元'),
        ('general_budget_expenditure', '17815700.00', '一般公共预算财政拨款支出1,781.57万元'),
        ('general_budget_basic_expenditure', '10337700.00', '一般公共预算财政拨款基本支出1,033.77万元'),
        ('personnel_expenditure', '5150000.00', '人员经费515万元'),
        ('public_expenditure', '5187700.00', '公用经费518.77万元'),
        ('three_public.total', '305000.00', '“三公”经费支出决算30.50万元'),
        ('three_public.overseas', '0.00', '因公出国（境）费0万元'),
        ('three_public.vehicle_purchase', '0.00', '公务用车购置费0万元'),
        ('three_public.vehicle_operation', '298000.00', '公务用车运行维护费29.80万元'),
        ('three_public.vehicle_total', '298000.00', '公务用车购置及运行维护费29.80万元'),
        ('three_public.reception', '7100.00', '公务接待费0.71万元'),
        ('org_running_cost', '5187700.00', '机关运行经费518.77万元'),
        ('gov_procurement_total', '9783500.00', '政府采购支出总额978.35万元'),
        ('three_public.total_budget', '0.00', '“三公”经费年初预算数0万元'),
    ],
    '001_1d3965113ca8330b.txt': [
        ('total_income', '5693800.00', '本年收入合计569.38万元'),
        ('total_expenditure', '5433700.00', '本年支出合计543.37万元'),
        ('fiscal_appropriation_income', '5693800.00', '财政拨款收入569.38万元'),
        ('fiscal_appropriation_expenditure', '5433700.00', '财政拨款支出543.37万元'),
        ('basic_expenditure', '4735200.00', '基本支出473.52万元'),
        ('project_expenditure', '698500.00', '项目支出69.85万元'),
        ('general_budget_expenditure', '5433700.00', '一般公共预算财政拨款支出543.37万元'),
        ('general_budget_basic_expenditure', '4735200.00', '一般公共预算财政拨款基本支出473.52万元'),
        ('personnel_expenditure', '4346600.00', '人员经费434.66万元'),
        ('public_expenditure', '388600.00', '公用经费38.86万元'),
        ('three_public.total', '1400.00', '“三公”经费财政拨款支出决算0.14万元'),
        ('three_public.overseas', '0.00', '因公出国（境）费0万元'),
        ('three_public.vehicle_purchase', '0.00', '公务用车购置0万元'),
        ('three_public.vehicle_operation', '0.00', '公务用车运行维护费0万元'),
        ('three_public.vehicle_total', '0.00', '公务用车购置及运行维护费0万元'),
        ('three_public.reception', '1400.00', '公务接待费0.14万元'),
        ('org_running_cost', '388600.00', '机关运行经费38.86万元'),
        ('gov_procurement_total', '0.00', '政府采购支出总额0万元'),
    ],
    '002_5b42121fa295fc4a.txt': [
        ('total_income', '2633300.00', '本年收入合计263.33万元'),
        ('total_expenditure', '2633300.00', '本年支出合计263.33万元'),
        ('fiscal_appropriation_income', '2633300.00', '财政拨款收入263.33万元'),
        ('fiscal_appropriation_expenditure', '2633300.00', '本年财政拨款支出263.33万元'),
        ('basic_expenditure', '2135200.00', '基本支出213.52万元'),
        ('project_expenditure', '498100.00', '项目支出49.81万元'),
        ('general_budget_expenditure', '2633300.00', '一般公共预算财政拨款支出263.33万元'),
        ('general_budget_basic_expenditure', '2135200.00', '一般公共预算财政拨款基本支出213.52万元'),
        ('personnel_expenditure', '2060400.00', '人员经费206.04万元'),
        ('public_expenditure', '74800.00', '公用经费7.48万元'),
        ('three_public.total', '0.00', '“三公”经费支出0.00万元'),
        ('three_public.overseas', '0.00', '因公出国（境）费0.00万元'),
        ('three_public.vehicle_purchase', '0.00', '公务用车购置费0.00万元'),
        ('three_public.vehicle_operation', '0.00', '公务用车运行维护费0.00万元'),
        ('three_public.vehicle_total', '0.00', '公务用车购置及运行维护费0.00万元'),
        ('three_public.reception', '0.00', '公务接待费0.00万元'),
        ('org_running_cost', '74800.00', '机关运行经费7.48万元'),
        ('gov_procurement_total', '151000.00', '政府采购支出总额15.10万元'),
    ],
    # 003's self-evaluation quotes 1,567.97万元 for income, expenditure and fiscal income,
    # which contradicts its own tables (the pipeline reports narrative.vs_table); the
    # vehicle figure is printed "3.85元" and means 3.85万元 (table: 38,469.35元).
    '003_f226edb144d9e567.txt': [
        ('total_income', '15679700.00', '总收入1,567.97万元'),
        ('total_expenditure', '15679700.00', '总支出1,567.97万元'),
        ('fiscal_appropriation_income', '15679700.00', '财政拨款收入1,567.97万元'),
        ('three_public.total', '62500.00', '“三公”经费支出总额6.25万元'),
        ('three_public.overseas', '0.00', '因公出国(境)费0.00万元'),
        ('three_public.vehicle_operation', '38500.00', '公务用车运行维护费3.85元 (misprinted unit)'),
        ('three_public.reception', '24100.00', '公务接待费2.41万元'),
    ],
    '004_4b22c8c51bd978dc.txt': [
        ('total_income', '3277423500.00', '部门收入预算327,742.35万元'),
        ('total_expenditure', '3277423500.00', '支出预算327,742.35万元'),
        ('basic_expenditure', '7628300.00', '基本支出762.83万元'),
        ('project_expenditure', '3269795300.00', '项目支出326,979.53万元'),
        ('general_budget_expenditure', '3277402800.00', '一般公共预算支出327,740.28万元'),
        ('general_budget_basic_expenditure', '7613500.00', '一般公共预算基本支出761.35万元'),
        ('personnel_expenditure', '7108900.00', '人员经费710.89万元'),
        ('public_expenditure', '504600.00', '公用经费50.46万元'),
        ('three_public.total', '42000.00', '“三公”经费4.20万元'),
        ('three_public.overseas', '0.00', '因公出国（境）费0.00万元'),
        ('three_public.vehicle_purchase', '0.00', '公务用车购置费0.00万元'),
        ('three_public.vehicle_operation', '42000.00', '公务用车运行费4.20万元'),
        ('three_public.reception', '0.00', '公务接待费0.00万元'),
        ('org_running_cost', '504600.00', '机关运行经费50.46万元'),
        ('gov_procurement_total', '4219700.00', '政府采购预算421.97万元'),
        ('grand_total', '3277423500.00', '收支总预算327,742.35万元'),
        ('fiscal_appropriation_grand_total', '3277402800.00', '财政拨款收支总预算327,740.28万元'),
    ],
}


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    inputs = os.path.join(root, 'fixtures', 'golden', 'inputs')
    print('source\ttable_kind\trow_code\tcolumn\tamount_yuan\tnote')
    for source in sorted(NARRATIVE):
        rows = []
        if source.startswith(('003_', '004_')):
            rows += [(k, c, col, a, n) for k, c, col, a, n in read_tables(os.path.join(inputs, source))]
        rows += [('narrative', metric, 'amount', amount, note) for metric, amount, note in NARRATIVE[source]]
        for row in rows:
            print('\t'.join((source,) + tuple(re.sub(r'\s+', ' ', field) for field in row)))


if __name__ == '__main__':
    main()
