# Reference estimates from R's survey package, for SurveyEstimatorRTests (the C# estimator must agree).
# Usage: Rscript survey-check.R RESPONSES.csv MARGINS.csv OUT.csv [THRESHOLD]
#   RESPONSES.csv: id,district,urban,sex,ageGroup,education,score[,weight]
#   MARGINS.csv:   variable,level,population (raked in the order the variables first appear)
#   OUT.csv:       variable,level,n,share,se,deff — the share of score > THRESHOLD (default 70) overall
#                  (variable "(overall)") and by every level of every level column (svyby).
suppressPackageStartupMessages(library(survey))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 3) stop("usage: Rscript survey-check.R RESPONSES.csv MARGINS.csv OUT.csv [THRESHOLD]")
threshold <- if (length(args) >= 4) as.numeric(args[4]) else 70

d <- read.csv(args[1], colClasses = "character", encoding = "UTF-8")
d$score <- as.numeric(d$score)
d$weight <- if ("weight" %in% names(d)) as.numeric(d$weight) else 1
m <- read.csv(args[2], colClasses = "character", encoding = "UTF-8")
m$population <- as.numeric(m$population)

variables <- unique(m$variable)
sample.margins <- lapply(variables, function(v) as.formula(paste0("~", v)))
population.margins <- lapply(variables, function(v) {
  rows <- m[m$variable == v, ]
  frame <- data.frame(rows$level, rows$population, stringsAsFactors = FALSE)
  names(frame) <- c(v, "Freq")
  frame
})

design <- svydesign(ids = ~1, weights = ~weight, data = d)
raked <- rake(design, sample.margins, population.margins, control = list(maxit = 100, epsilon = 1e-10))
indicator <- as.formula(paste0("~I(score > ", threshold, ")"))

overall <- svymean(indicator, raked, deff = TRUE)
yes <- grep("TRUE$", names(coef(overall)))
rows <- data.frame(variable = "(overall)", level = "", n = nrow(d), share = coef(overall)[yes],
                   se = SE(overall)[yes], deff = deff(overall)[yes], stringsAsFactors = FALSE)

levelColumns <- intersect(c("district", "regionGroup", "urban", "sex", "ageGroup", "education", "audience"), names(d))
for (v in levelColumns) {
  by <- svyby(indicator, as.formula(paste0("~", v)), raked, svymean, deff = TRUE)
  share <- coef(by)[grep("TRUE$", names(coef(by)))]
  se <- SE(by)[, grep("TRUE$", colnames(SE(by)))]
  de <- deff(by)[, grep("TRUE$", colnames(deff(by)))]
  counts <- table(d[[v]])
  rows <- rbind(rows, data.frame(variable = v, level = by[[v]], n = as.vector(counts[by[[v]]]),
                                 share = share, se = se, deff = de, stringsAsFactors = FALSE))
}

rows$share <- sprintf("%.17g", rows$share)
rows$se <- sprintf("%.17g", rows$se)
rows$deff <- sprintf("%.17g", rows$deff)
write.csv(rows, args[3], row.names = FALSE, fileEncoding = "UTF-8")
