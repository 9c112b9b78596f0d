/**
 * Name lists for the PII detector's person-name rule: common given names and surnames (English-
 * speaking countries, plus frequent Spanish, Portuguese, Italian, German, French, Slavic, Indian,
 * Chinese, Vietnamese, Korean, Japanese and Arabic names in their usual Latin spelling), written for
 * this repository. A capitalised token is only treated as a name on its own when it is not also an
 * everyday English word; the AMBIGUOUS sets hold the ones that are (May, Hope, Brown, Walker...),
 * which count only next to a surname or an honorific.
 */

import { isGeneralEnglish } from './vocabulary.js';

const FIRST = `
Aaron Abigail Adam Adrian Ahmed Aiden Aisha Alan Albert Alejandro Alex Alexander Alexandra Alexis Alice
Alicia Alison Allison Amanda Amelia Amir Amit Amy Ana Andrea Andrew Angela Anita Ann Anna Anne Annie Anthony
Antonio Anya Arjun Arthur Ashley Audrey Ava Barbara Beatriz Benjamin Bernard Beth Bethany Betty Beverly
Brandon Brenda Brian Brittany Bruce Bryan Caleb Cameron Camila Carla Carlos Carmen Caroline Catherine Charles
Charlie Charlotte Chen Chloe Chris Christina Christine Christopher Cindy Claire Clara Claudia Colin Connor
Craig Cynthia Daniel Daniela Danielle David Deborah Debra Denise Dennis Derek Diana Diane Diego Dmitri
Dominic Donna Dorothy Douglas Dylan Edward Elena Eli Elijah Elizabeth Ella Ellen Emily Emma Eric Erica Erin
Ethan Eugene Evelyn Fatima Felix Fernando Fiona Francesca Francisco Gabriel Gabriela Gary George Gerald
Giovanni Giulia Gloria Gregory Hannah Hans Harold Harry Heidi Helen Henry Hiroshi Hugo Ian Igor Irene Isaac
Isabel Isabella Ivan Jacob Jacqueline James Jamie Jane Janet Janice Jason Javier Jean Jeffrey Jennifer
Jeremy Jerry Jesse Jessica Joan Joanna Joel John Johnny Jonathan Jose Joseph Joshua Joyce Juan Judith Julia
Julian Julie Justin Kai Karen Katherine Kathleen Kathryn Katie Keith Kelly Kenji Kenneth Kevin Kimberly
Kyle Laura Lauren Lawrence Leah Leo Leonardo Liam Linda Lisa Logan Lorenzo Louis Louise Lucas Lucia Lucy
Luis Luke Madeline Manuel Marco Margaret Maria Marie Marilyn Mario Martha Martin Mary Mateo Matthew Maya
Megan Melissa Michael Michelle Miguel Mohammed Muhammad Natalie Nathan Nicholas Nicole Noah Nora Olga
Olivia Omar Oscar Pablo Pamela Patricia Patrick Paul Paula Pedro Peter Philip Priya Rachel Rafael Rahul
Ralph Raj Rebecca Richard Robert Roberto Roger Ronald Ryan Samantha Samuel Sandra Sara Sarah Scott Sebastian
Sergei Sharon Shirley Sofia Sophia Sophie Stephanie Stephen Steven Susan Tanya Teresa Theresa Thomas Timothy
Tyler Valentina Vanessa Victor Victoria Vincent Virginia Walter Wei Wendy William Xavier Yuki Yusuf Zachary
Zoe Ahmad Ali Hassan Hussein Ibrahim Khalid Layla Mariam Mustafa Noor Youssef Zainab Aditya Ananya Deepak
Kavya Neha Pooja Rohan Sanjay Vikram Ming Li Jun Hao Xin Yan Lan Minh Thanh Linh Ji-woo Min-jun Seo-yeon
Haruto Sakura Aiko Takeshi Olena Katarzyna Piotr Tomasz Agnieszka Jakub Lukas Matthias Stefan Sabine Ursula
Pierre Camille Amelie Mathilde Thibault Joao Ines Rafaela Gonzalo Ximena Valeria Santiago Alejandra Emilio
Dana Dan Danny Tom Tim Ben Sam Max Jim Jimmy Joe Joey Mike Matt Dave Steve Tony Greg Jeff Ken Ted Ed Al Ron
Rick Ricky Phil Pete Josh Jake Zack Zach Ashton Brett Brent Chad Cody Corey Dustin Evan Garrett Grant Jared
Jenna Jenny Jess Jessie Jill Jodie Kate Kathy Kim Kristen Kristin Krista Lindsey Lindsay Molly Monica Nancy
Nina Paige Rita Ruth Sally Sasha Stacy Tara Tiffany Tina Tracy Trisha Wanda Yvonne Abby Addison Aubrey
Brianna Brooke Courtney Gabrielle Haley Hailey Jocelyn Kayla Kylie Mackenzie Morgan Riley Sierra Taylor
Chinedu Ngozi Chioma Emeka Obinna Adaeze Kwame Kofi Ama Akosua Yaw Oluwaseun Tunde Ayodele Folake Thabo
Sipho Zanele Lerato Nomvula Amara Jabari Wanjiru Njeri Kamau Otieno Achieng Abebe Tesfaye Selam Fatou Moussa
Aminata Mamadou Ousmane Yael Noam Avi Eitan Tamar Shira Moshe Yosef Emre Elif Mehmet Ayse Zeynep Burak Can
Reza Shirin Dariush Parisa Arash Leila Nasrin Farhad Karim Rania Samir Yasmin Tariq Bilal Hamza Imran Faisal
Lakshmi Sunita Arun Karthik Anjali Divya Suresh Ramesh Meera Nikhil Siddharth Varun Shreya Aarav Ishaan
Jose Luz Lupita Guadalupe Rosa Consuelo Maribel Yesenia Jorge Ricardo Alberto Raul Sergio Andres Felipe
Natasha Dmitry Svetlana Anastasia Yulia Oksana Nikolai Alexei Vladimir Mikhail Irina Tatiana Katya Bogdan
Lars Ingrid Sven Astrid Freya Bjorn Erik Nils Magnus Sigrid Annika Henrik Johan Mats Kasper Mette
Haruka Yuto Sota Hina Yui Riku Daiki Kaito Emi Naoko Keiko Yoko Takumi Shota Ayumi Misaki
Ji-ho Min-seo Ha-eun Seo-jun Do-yoon Hyun-woo Soo-jin Eun-ji Jae-won Sung-min
Xiaoming Xiaohong Jing Lei Mei Hui Fang Yun Ying Qiang Jian Ling Ping Tao Bo Yu Hong Yi Zhen Jie Xiu
Duc Huong Trang Quang Tuan Anh Phuong Thao Mai Khanh Bao Nam Lan Thu
Maricel Jocelyn Rhea Marites Jericho Jayson Dindo Analyn
`;

/** Given names that are also everyday words or places: counted only next to a surname or honorific. */
const FIRST_AMBIGUOUS = `
May June April August Grace Hope Faith Joy Will Mark Bill Rose Dawn Summer Autumn Winter Art Guy Pat Sue Rob
Ray Gene Bob Jack Frank Ruby Amber Crystal Ivy Lily Daisy Violet Iris Jade Pearl Holly Heather Olive Sky Skye
River Storm Sunny Star Chase Hunter Chance Christian Major Prince Page Carol Harmony Melody Patience Charity
Constance Honor Justice Trinity Destiny Angel Sage Lane Dale Glen Cliff Rocky Sandy Rusty Brook Misty Candy
Ginger Cherry Hazel Jasmine Willow Sterling Miles Nick Drew Penny Norm Bud Buck Duke Earl Rich Don Dean Mason
Eve Paris Georgia Florence Sydney Jordan Chelsea Madison Dallas Austin Phoenix India China Asia Brooklyn Victor
Leo Oscar Virginia Victoria Santiago Charlotte Sofia Mario Jun Ma
`;

const SURNAMES = `
Smith Johnson Williams Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson
Thomas Jackson Martin Thompson Harris Clark Lewis Robinson Perez Sanchez Ramirez Torres Nguyen Flores Allen
Scott Adams Nelson Mitchell Roberts Campbell Evans Edwards Collins Stewart Morris Rogers Reed Morgan Murphy
Rivera Peterson Cooper Richardson Cox Howard Kim Gomez Diaz Myers Ford Hamilton Graham Sullivan Wallace
Woods Cole West Jordan Owens Reynolds Ellis Harrison Gibson Mcdonald Cruz Marshall Ortiz Gutierrez Chavez
Patel Shah Singh Kumar Sharma Gupta Khan Ahmed Hussain Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma
Tran Le Pham Hoang Phan Vu Park Choi Jung Kang Cho Yoon Tanaka Suzuki Takahashi Watanabe Yamamoto Nakamura
Kobayashi Sato Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Rossi Russo Ferrari
Esposito Bianchi Romano Colombo Ricci Dubois Durand Lefebvre Moreau Laurent Girard Bonnet Dupont Silva Santos
Oliveira Souza Costa Pereira Almeida Ferreira Ivanov Smirnov Kuznetsov Popov Petrov Kowalski Nowak Novak
Wisniewski Jensen Nielsen Hansen Andersen Larsen Johansson Karlsson Nilsson Eriksson Olsen Murray Kennedy
Ryan Byrne Walsh Doyle Kelly Brennan Quinn Gallagher Doherty Lynch Mccarthy Obrien Connolly Fitzgerald Doe
Bennett Hughes Foster Russell Griffin Hayes Bryant Alexander Henderson Coleman Jenkins Perry Powell Long
Patterson Simmons Butler Barnes Ross Washington Watson Brooks Sanders Price Jameson Whitaker Abernathy
Fairbanks Kowalczyk Lindqvist Okafor Adeyemi Mensah Owusu Abubakar Nakashima Delacroix Castellano
Okonkwo Nwosu Eze Adebayo Okoro Boateng Asante Mutua Kariuki Ndlovu Dlamini Nkosi Diallo Traore Haile
Cohen Levi Mizrahi Friedman Goldberg Katz Yilmaz Kaya Demir Sahin Celik Hosseini Rezaei Mohammadi Ahmadi
Haddad Nasser Mansour Aziz Rahman Chowdhury Reddy Nair Iyer Menon Rao Joshi Mehta Desai Bose Das Banerjee
Mukherjee Chatterjee Kapoor Malhotra Verma Yadav Mishra Pillai Fernando Perera Silva Reyes Santos Cruz
Bautista Ramos Mendoza Castillo Vargas Jimenez Moreno Romero Alvarez Ruiz Navarro Herrera Medina Aguilar
Kovalenko Shevchenko Bondarenko Volkov Sokolov Lebedev Novikov Morozov Pavlov Fedorov Lindberg Berg
Lundqvist Holm Dahl Bakker Jansen Visser Smit Peeters Janssens Maes Wouters Kowalczyk Wojcik Kaminski
Lewandowski Zielinski Szymanski Horvath Nagy Toth Szabo Popescu Ionescu Papadopoulos Georgiou Nikolaidis
Ito Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Mori Abe Ikeda Hashimoto
Lee Kwon Han Shin Seo Hwang Ahn Song Yoo Hong Jeon Ko Moon Yang Lim Oh Lin Luo Zheng Liang Xie Song Tang
Xu Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Cai Jiang Yu Du Ye Cheng Su Wei Lu Ding Ren Shen
Yao Lu Jiang Cui Zhong Tan Wang Fan Jin Shi Liao Jia Xia Wei Fu Fang Bai Zou Meng Xiong Qin Qiu Jiang
Yin Xue Yan Duan Lei Hou Long Shi Tao Li Nguyen Tran Le Pham Huynh Vo Dang Bui Do Ngo Duong Ly
`;

/** Surnames that are also everyday words: counted only after a given name, initial or honorific. */
const SURNAMES_AMBIGUOUS = `
Brown White Green Black Young King Hill Wood Hall Baker Cook Bell Moore Rich Love Ward Stone Rose Fox Wolf
Hunt Lane Field Fields Banks Little Hope Grant Cross Marsh Mills Miles Page Walker Turner Hunter Fisher Porter
Mason Carpenter Weaver Potter Taylor Carter Parker Gray Grey Snow Frost Bush Rivers Lake Sharp Strong Hardy
Bond Chase Burns Best May Day Knight Power Justice Bishop Dean Pope Sterling Swift Golden Noble Church Case
Rice Lamb Bird Crane Drake Finch Robin Wells Short Head Holmes Cash Fry Lee Gay Shaw Steel Price Long Ryan
Sun Park West Ford Cole Le Reed Brooks Woods Sanders Foster Washington Butler Graham Campbell Jordan Ma
`;

function words(s: string): Set<string> {
  return new Set(s.split(/\s+/).filter((w) => w.length > 0));
}

export const FIRST_NAMES: ReadonlySet<string> = words(FIRST);
export const FIRST_NAMES_AMBIGUOUS: ReadonlySet<string> = words(FIRST_AMBIGUOUS);
export const SURNAMES_COMMON: ReadonlySet<string> = words(SURNAMES);
export const SURNAMES_AMBIGUOUS_SET: ReadonlySet<string> = words(SURNAMES_AMBIGUOUS);

export { CHINESE_SURNAMES } from './chineseSurnames.js';

/** Unambiguous given names or surnames: a capitalised occurrence alone is a hit. */
export function isUnambiguousName(token: string): boolean {
  // A name that is also a general-English word ("Can", "Max", "Grant", "Song") is ambiguous too.
  if (isGeneralEnglish(token)) return false;
  return (
    (FIRST_NAMES.has(token) && !FIRST_NAMES_AMBIGUOUS.has(token) && !SURNAMES_AMBIGUOUS_SET.has(token)) ||
    (SURNAMES_COMMON.has(token) && !SURNAMES_AMBIGUOUS_SET.has(token) && !FIRST_NAMES_AMBIGUOUS.has(token))
  );
}

export function isGivenName(token: string): boolean {
  return FIRST_NAMES.has(token) || FIRST_NAMES_AMBIGUOUS.has(token);
}

export function isSurname(token: string): boolean {
  return SURNAMES_COMMON.has(token) || SURNAMES_AMBIGUOUS_SET.has(token);
}
